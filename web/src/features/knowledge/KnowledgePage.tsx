// The knowledge page (#/knowledge): the shop's FAQ with search (jieba on the server) and
// filters, usage counts so the team sees which answers are used, and for owners and
// supervisors the proposals to approve, edit or reject, the files in and out, and the
// seeds' script library to load.
import { BookOutlined, CheckOutlined, CloseOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Dropdown, Flex, Input, Popconfirm, Popover, Segmented, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useMemo, useRef, useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { INTENTS, type Intent } from "../../../../server/src/modules/assistant/intent/labels";
import type { PageProps } from "../../app/pages";
import { ApiError } from "../../platform/api";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { formatTime } from "../workbench/format";
import { downloadText } from "../quick-replies/quick-replies-api";
import { exportFaq, FAQ_SCOPE_TYPES, useFaqList, useFaqMutations, type FaqEntry, type FaqFilter, type FaqScopeType, type FaqStatus } from "./faq-api";
import { FaqFormModal, type FaqFormMode } from "./FaqFormModal";
import { LibraryModal } from "./LibraryModal";

type Tab = FaqStatus | "mine";

const STATUS_COLORS: Record<FaqStatus, string> = { approved: "green", proposed: "gold", rejected: "default" };

export function KnowledgePage(_props: PageProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = useAbility(ABILITY.manageFaq);
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const [tab, setTab] = useState<Tab>("approved");
  const [q, setQ] = useState("");
  const [category, setCategory] = useState<string | undefined>();
  const [intent, setIntent] = useState<Intent | undefined>();
  const [scope, setScope] = useState<FaqScopeType | undefined>();
  const [sort, setSort] = useState<"usage" | "updated">("usage");
  const [form, setForm] = useState<FaqFormMode | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [note, setNote] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const filter: FaqFilter | null = shopId
    ? {
        shopId,
        status: tab === "mine" ? undefined : tab,
        mine: tab === "mine",
        q,
        category,
        intent,
        scope,
        sort: q.trim() ? "relevance" : sort,
      }
    : null;
  const list = useFaqList(filter);
  const { review, remove, importFile } = useFaqMutations();
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const categories = useMemo(() => [...new Set(items.map((e) => e.category).filter(Boolean))], [items]);

  if (!shopId) return <Alert type="info" showIcon title={t("knowledge.noShop")} style={{ margin: 24 }} />;

  const decide = (entry: FaqEntry, decision: "approve" | "reject", reason?: string) =>
    review.mutate(
      { id: entry.id, decision, note: reason?.trim() || undefined },
      {
        onSuccess: () => void message.success(t(decision === "approve" ? "knowledge.approved" : "knowledge.rejected")),
        onError: () => void message.error(t("knowledge.saveFailed")),
      },
    );

  const doExport = async (format: "csv" | "json") => {
    try {
      const text = await exportFaq(shopId, format);
      downloadText(`faq.${format}`, text, format === "csv" ? "text/csv;charset=utf-8" : "application/json;charset=utf-8");
    } catch {
      void message.error(t("knowledge.exportFailed"));
    }
  };
  const doImport = async (file: File) => {
    const text = await file.text();
    const json = file.name.toLowerCase().endsWith(".json") || text.trimStart().startsWith("{") || text.trimStart().startsWith("[");
    try {
      const { created, updated } = await importFile.mutateAsync({ shopId, text, json });
      void message.success(t("knowledge.imported", { created, updated }));
    } catch (error) {
      // The server names the row, the field and (CSV) the line of the first problem; nothing was written.
      void message.error({ content: error instanceof ApiError && error.status === 400 ? t("knowledge.importRefused", { detail: error.message }) : t("knowledge.importFailed"), duration: 8 });
    }
  };

  const scopeText = (e: FaqEntry) =>
    e.scope.type === "shop" ? t("knowledge.scopeType.shop") : `${t(`knowledge.scopeType.${e.scope.type}`)} · ${e.scope.type === "category" ? e.scope.values.join("、") : t("knowledge.productCount", { count: e.scope.values.length })}`;

  const columns: TableColumnsType<FaqEntry> = [
    {
      title: t("knowledge.questions"),
      key: "questions",
      width: "28%",
      render: (_v, e) => (
        <Flex vertical gap={2}>
          <Typography.Text strong style={{ whiteSpace: "pre-wrap" }}>
            {e.questions[0]}
          </Typography.Text>
          {e.questions.length > 1 && (
            <Tooltip title={<span style={{ whiteSpace: "pre-wrap" }}>{e.questions.slice(1).join("\n")}</span>}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("knowledge.moreQuestions", { count: e.questions.length - 1 })}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t("knowledge.answer"),
      dataIndex: "answer",
      render: (_v, e) => (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 13 }} ellipsis={{ rows: 3, expandable: "collapsible" }}>
          {e.answer}
        </Typography.Paragraph>
      ),
    },
    {
      title: t("knowledge.labels"),
      key: "labels",
      width: 170,
      render: (_v, e) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t(`assistant.intent.${e.intent}`)}
          </Tag>
          {e.category && <Typography.Text style={{ fontSize: 12 }}>{t("knowledge.categoryOf", { category: e.category })}</Typography.Text>}
          {e.stage && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("knowledge.stageOf", { stage: t(`stage.${e.stage}`) })}</Typography.Text>}
          {e.scope.type !== "shop" && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {scopeText(e)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("knowledge.usage"),
      key: "usage",
      width: 110,
      render: (_v, e) => (
        <Flex vertical>
          <Typography.Text strong data-testid="faq-usage">
            {e.usageCount}
          </Typography.Text>
          {e.lastUsedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t("knowledge.lastUsed", { time: formatTime(e.lastUsedAt, i18n.language) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("knowledge.status"),
      key: "status",
      width: 150,
      render: (_v, e) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={STATUS_COLORS[e.status]} style={{ marginInlineEnd: 0 }}>
            {t(`knowledge.statusName.${e.status}`)}
          </Tag>
          {e.proposedBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("knowledge.proposedBy", { name: e.proposedBy.name })}</Typography.Text>}
          {e.libraryKey && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("knowledge.fromSeed", { seed: e.libraryKey.slice(0, 3) })}</Typography.Text>}
          {e.reviewNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>“{e.reviewNote}”</Typography.Text>}
        </Flex>
      ),
    },
    ...(canManage
      ? [
          {
            title: t("knowledge.actions"),
            key: "actions",
            width: 150,
            render: (_v: unknown, e: FaqEntry) => (
              <Space size={0} wrap>
                {e.status !== "approved" && (
                  <Tooltip title={t("knowledge.approve")}>
                    <Button size="small" type="text" icon={<CheckOutlined />} aria-label={t("knowledge.approve")} data-testid="faq-approve" onClick={() => decide(e, "approve")} />
                  </Tooltip>
                )}
                {e.status !== "rejected" && (
                  <Popover
                    trigger="click"
                    title={t("knowledge.rejectTitle")}
                    onOpenChange={(open) => open && setNote("")}
                    content={
                      <Flex vertical gap={8} style={{ width: 240 }}>
                        <Input.TextArea value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={500} placeholder={t("knowledge.rejectNote")} autoSize={{ minRows: 2 }} />
                        <Button size="small" danger onClick={() => decide(e, "reject", note)} data-testid="faq-reject-confirm">
                          {t("knowledge.reject")}
                        </Button>
                      </Flex>
                    }
                  >
                    <Tooltip title={t("knowledge.reject")}>
                      <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t("knowledge.reject")} data-testid="faq-reject" />
                    </Tooltip>
                  </Popover>
                )}
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t("common.edit")} data-testid="faq-edit" onClick={() => setForm({ kind: "edit", entry: e })} />
                <Popconfirm title={t("knowledge.deleteConfirm")} onConfirm={() => remove.mutate(e.id)} okText={t("common.delete")} cancelText={t("common.cancel")}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const counts = list.data?.counts;
  const tabs: { value: Tab; label: string }[] = [
    { value: "approved", label: `${t("knowledge.statusName.approved")}${counts ? ` ${counts.approved}` : ""}` },
    ...(canManage
      ? [
          { value: "proposed" as const, label: `${t("knowledge.statusName.proposed")}${counts ? ` ${counts.proposed}` : ""}` },
          { value: "rejected" as const, label: `${t("knowledge.statusName.rejected")}${counts ? ` ${counts.rejected}` : ""}` },
        ]
      : [{ value: "mine" as const, label: t("knowledge.mine") }]),
  ];

  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="knowledge-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("knowledge.title")}
        </Typography.Title>
        <Space wrap>
          {me.shops.length > 1 && <Select value={shopId} style={{ minWidth: 160 }} onChange={setShopId} options={me.shops.map((s) => ({ value: s.id, label: s.name }))} aria-label={t("settings.shop")} />}
          {canManage && (
            <>
              <Button icon={<BookOutlined />} onClick={() => setLibraryOpen(true)} data-testid="faq-library-open">
                {t("knowledge.library")}
              </Button>
              <Button icon={<UploadOutlined />} loading={importFile.isPending} onClick={() => fileInput.current?.click()}>
                {t("knowledge.import")}
              </Button>
              <Dropdown menu={{ items: [{ key: "csv", label: "CSV" }, { key: "json", label: "JSON" }], onClick: ({ key }) => void doExport(key as "csv" | "json") }}>
                <Button icon={<DownloadOutlined />}>{t("knowledge.export")}</Button>
              </Dropdown>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ kind: "create", shopId })} data-testid="faq-new">
                {t("knowledge.create")}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.json,text/csv,application/json"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void doImport(file);
                  e.target.value = "";
                }}
              />
            </>
          )}
        </Space>
      </Flex>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<Tab> value={tab} onChange={setTab} options={tabs} data-testid="faq-tabs" />
        <Input.Search allowClear placeholder={t("knowledge.search")} style={{ width: 240 }} onSearch={setQ} onChange={(e) => e.target.value === "" && setQ("")} data-testid="faq-search" />
        <Select allowClear placeholder={t("knowledge.category")} value={category} onChange={setCategory} style={{ minWidth: 120 }} options={categories.map((c) => ({ value: c, label: c }))} />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("knowledge.intent")}
          value={intent}
          onChange={setIntent}
          style={{ minWidth: 140 }}
          options={INTENTS.map((i) => ({ value: i, label: t(`assistant.intent.${i}`) }))}
        />
        <Select allowClear placeholder={t("knowledge.scope")} value={scope} onChange={setScope} style={{ minWidth: 110 }} options={FAQ_SCOPE_TYPES.map((s) => ({ value: s, label: t(`knowledge.scopeType.${s}`) }))} />
        {!q.trim() && (
          <Select
            value={sort}
            onChange={setSort}
            style={{ minWidth: 130 }}
            aria-label={t("knowledge.sort")}
            options={[
              { value: "usage", label: t("knowledge.sortUsage") },
              { value: "updated", label: t("knowledge.sortUpdated") },
            ]}
          />
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={t("knowledge.loadFailed")} style={{ marginBottom: 12 }} action={<Button size="small" onClick={() => void list.refetch()}>{t("common.retry")}</Button>} />}
      <Table<FaqEntry>
        rowKey="id"
        size="small"
        loading={list.isPending || list.isFetching}
        dataSource={items}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        onRow={(e) => ({ "data-testid": "faq-row", "data-status": e.status, "data-id": e.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t(q.trim() ? "knowledge.noMatch" : "knowledge.empty") }}
      />
      <FaqFormModal mode={form} categories={categories} onClose={() => setForm(null)} />
      {canManage && <LibraryModal open={libraryOpen} shopId={shopId} onClose={() => setLibraryOpen(false)} />}
    </div>
  );
}
