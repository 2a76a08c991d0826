import { DeleteOutlined, DownloadOutlined, EditOutlined, EnterOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Drawer, Empty, Flex, Grid, Input, Popconfirm, Segmented, Space, Spin, Tag, Tooltip, Typography, theme } from "antd";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { CSV_HEADER, checkQuickReplyCsv, toCsv } from "./csv";
import { downloadText, exportQuickReplies, useQuickReplies, useQuickReplyMutations, type QuickReply } from "./quick-replies-api";
import { QuickReplyForm } from "./QuickReplyForm";
import { groupByCategory, matchShortcuts } from "./shortcuts";

interface Props {
  open: boolean;
  onClose: () => void;
  /** Set when a conversation is open: a reply can be put into its input. */
  onInsert?: (reply: QuickReply) => void;
}

type Scope = "team" | "personal";

/** The phrase library: browse by category, insert, and manage what the agent may change. */
export function QuickRepliesDrawer({ open, onClose, onInsert }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { token } = theme.useToken();
  const phone = Grid.useBreakpoint().md === false;
  const me = useSession();
  const canManageTeam = useAbility(ABILITY.manageQuickReplies);
  const replies = useQuickReplies(open);
  const { remove, importCsv } = useQuickReplyMutations();
  const [scope, setScope] = useState<Scope>("team");
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<QuickReply | null>(null);
  const [creating, setCreating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const all = useMemo(() => replies.data ?? [], [replies.data]);
  const shown = useMemo(() => {
    const inScope = all.filter((r) => r.scope === scope);
    return filter.trim() ? matchShortcuts(inScope, filter, 200) : inScope;
  }, [all, scope, filter]);
  const categories = useMemo(() => [...new Set(all.map((r) => r.category))], [all]);
  const canChange = (reply: QuickReply) => (reply.scope === "team" ? canManageTeam : reply.ownerId === me.agent.id);

  const doExport = async () => {
    try {
      downloadText("quick-replies.csv", await exportQuickReplies());
    } catch {
      void message.error(t("quickReplies.exportFailed"));
    }
  };
  const doImport = async (file: File) => {
    const csv = await file.text();
    const check = checkQuickReplyCsv(csv);
    if (!check.ok) return void message.error(t(check.problem === "empty" ? "quickReplies.csvEmpty" : "quickReplies.csvHeader", { header: CSV_HEADER.join(",") }));
    modal.confirm({
      title: t("quickReplies.importConfirm", { count: check.rows }),
      content: t("quickReplies.importHint"),
      okText: t("quickReplies.import"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          const { created, updated } = await importCsv.mutateAsync(csv);
          void message.success(t("quickReplies.imported", { created, updated }));
        } catch (error) {
          // The server names the line and column of the first bad row.
          void message.error(error instanceof ApiError && error.status === 400 ? error.message : t("quickReplies.importFailed"));
        }
      },
    });
  };
  const template = () =>
    downloadText("quick-replies-template.csv", toCsv([[...CSV_HEADER], ["personal", t("quickReplies.templateCategory"), "hi", t("quickReplies.templateText")]]));

  return (
    <Drawer
      title={t("quickReplies.title")}
      open={open}
      onClose={onClose}
      size={phone ? "100%" : 420}
      extra={
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("quickReplies.create")}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Segmented<Scope>
          block
          value={scope}
          onChange={setScope}
          options={[
            { value: "team", label: t("quickReplies.team") },
            { value: "personal", label: t("quickReplies.personal") },
          ]}
        />
        <Input.Search allowClear placeholder={t("quickReplies.search")} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <Space wrap size={4}>
          <Button size="small" icon={<UploadOutlined />} loading={importCsv.isPending} onClick={() => fileInput.current?.click()}>
            {t("quickReplies.import")}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void doExport()}>
            {t("quickReplies.export")}
          </Button>
          <Button size="small" type="link" onClick={template}>
            {t("quickReplies.template")}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void doImport(file);
              e.target.value = "";
            }}
          />
        </Space>
        {replies.isError ? (
          <Alert type="error" showIcon title={t("quickReplies.loadFailed")} action={<Button size="small" onClick={() => void replies.refetch()}>{t("common.retry")}</Button>} />
        ) : replies.isPending ? (
          <Spin style={{ display: "block", margin: "24px auto" }} />
        ) : shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("quickReplies.empty")} />
        ) : (
          groupByCategory(shown).map(([category, list]) => (
            <div key={category}>
              <Typography.Text type="secondary" strong style={{ fontSize: 12 }}>
                {category}
              </Typography.Text>
              {list.map((reply) => (
                <Flex
                  key={reply.id}
                  data-testid="quick-reply"
                  gap={8}
                  align="flex-start"
                  style={{ padding: "6px 0", borderBottom: `1px solid ${token.colorBorderSecondary}` }}
                >
                  <Tag color={reply.scope === "team" ? "blue" : "green"} style={{ marginInlineEnd: 0 }}>
                    /{reply.shortcut.replace(/^\//, "")}
                  </Tag>
                  <Typography.Paragraph style={{ flex: 1, margin: 0, fontSize: 13, minWidth: 0 }} ellipsis={{ rows: 3, tooltip: reply.text }}>
                    {reply.text}
                  </Typography.Paragraph>
                  <Space size={0}>
                    {onInsert && (
                      <Tooltip title={t("quickReplies.insert")}>
                        <Button type="text" size="small" icon={<EnterOutlined />} aria-label={t("quickReplies.insert")} onClick={() => onInsert(reply)} />
                      </Tooltip>
                    )}
                    {canChange(reply) && (
                      <>
                        <Button type="text" size="small" icon={<EditOutlined />} aria-label={t("common.edit")} onClick={() => setEditing(reply)} />
                        <Popconfirm
                          title={t("quickReplies.deleteConfirm")}
                          okText={t("common.delete")}
                          cancelText={t("common.cancel")}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove.mutateAsync(reply.id).catch(() => void message.error(t("quickReplies.saveFailed")))}
                        >
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
                        </Popconfirm>
                      </>
                    )}
                  </Space>
                </Flex>
              ))}
            </div>
          ))
        )}
      </Flex>
      <QuickReplyForm
        open={creating || editing !== null}
        reply={editing}
        canManageTeam={canManageTeam}
        categories={categories}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
    </Drawer>
  );
}
