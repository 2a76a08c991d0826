import { AlertOutlined, ArrowLeftOutlined, CheckCircleOutlined, IdcardOutlined, MoreOutlined, SwapOutlined, UserAddOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Flex, Grid, Popconfirm, Steps, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useSession } from "../../platform/session";
import { PRESALES_STAGES, type ConversationSummary } from "../../platform/types";
import { CloseDialog, EscalateDialog, TransferDialog } from "./ActionDialogs";
import { useChatAction } from "./chat-actions";
import { canReplyTo } from "./policy";

interface Props {
  conversation: ConversationSummary;
  onBack?: () => void;
  onShowCustomer?: () => void;
}

const STATUS_COLOR = { waiting: "orange", open: "green", closed: "default" } as const;
type Dialog = "close" | "transfer" | "escalate" | null;

export function ChatHeader({ conversation, onBack, onShowCustomer }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const action = useChatAction(conversation.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  // On a phone the buttons keep only their icons so the buyer's name stays readable.
  const phone = Grid.useBreakpoint().md === false;
  const label = (text: string) => (phone ? undefined : text);

  const mine = conversation.assigneeId === me.agent.id;
  const canReply = canReplyTo(me, conversation);
  const open = conversation.status !== "closed";
  const takeOver = open && canReply && conversation.assigneeId !== null && !mine;
  const canClaim = open && canReply && !takeOver && (!mine || conversation.status === "waiting");
  const pending = action.isPending ? action.variables?.type : undefined;

  const claim = () =>
    action.mutate(
      { type: "claim" },
      {
        onSuccess: () => void message.success(t("chat.claimed")),
        onError: (error) => void message.error(error instanceof ApiError && error.code === "assigned" ? t("chat.takenByColleague") : t("chat.claimFailed")),
      },
    );
  const stageIndex = conversation.stage ? PRESALES_STAGES.indexOf(conversation.stage) : -1;
  const showStages = conversation.team === "presales" || conversation.stage !== null;
  const canStage = open && canReply && !action.isPending;

  return (
    <div style={{ borderBottom: "1px solid rgba(5,5,5,0.06)", background: "#fff" }}>
      <Flex align="center" gap={8} style={{ padding: "8px 12px" }}>
        {onBack && <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t("common.back")} onClick={onBack} />}
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {conversation.customer.nick}
          </Typography.Text>
          <Flex gap={6} align="center" style={{ fontSize: 12, minWidth: 0 }}>
            <Tag color={STATUS_COLOR[conversation.status]} style={{ marginInlineEnd: 0 }}>
              {t(`conversation.status.${conversation.status}`)}
            </Tag>
            {conversation.escalated && (
              <Tag color="red" icon={<AlertOutlined />} style={{ marginInlineEnd: 0 }} data-testid="escalated-tag">
                {t("chat.escalatedTag")}
              </Tag>
            )}
            {conversation.outcome && (
              <Tag color={conversation.outcome === "converted" ? "green" : "default"} style={{ marginInlineEnd: 0 }}>
                {t(`outcome.${conversation.outcome}`)}
              </Tag>
            )}
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {conversation.assigneeName ? t("queue.assignee", { name: conversation.assigneeName }) : t("chat.unassigned")}
            </Typography.Text>
          </Flex>
        </Flex>
        {canClaim && (
          <Tooltip title={phone ? t("chat.claim") : undefined}>
            <Button type="primary" icon={<UserAddOutlined />} aria-label={t("chat.claim")} loading={pending === "claim"} onClick={claim}>
              {label(t("chat.claim"))}
            </Button>
          </Tooltip>
        )}
        {takeOver && (
          <Popconfirm
            title={t("chat.takeOverConfirm", { name: conversation.assigneeName ?? "" })}
            okText={t("common.confirm")}
            cancelText={t("common.cancel")}
            onConfirm={claim}
          >
            <Button icon={<UserAddOutlined />} aria-label={t("chat.takeOver")} loading={pending === "claim"}>
              {label(t("chat.takeOver"))}
            </Button>
          </Popconfirm>
        )}
        {open && canReply && (
          <Button icon={<CheckCircleOutlined />} aria-label={t("chat.close")} data-testid="chat-close" onClick={() => setDialog("close")}>
            {label(t("chat.close"))}
          </Button>
        )}
        {open && canReply && (
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                { key: "transfer", icon: <SwapOutlined />, label: t("chat.transfer") },
                ...(conversation.escalated ? [] : [{ key: "escalate", icon: <AlertOutlined />, label: t("chat.escalate") }]),
              ],
              onClick: ({ key }) => setDialog(key as Dialog),
            }}
          >
            <Button type="text" icon={<MoreOutlined />} aria-label={t("chat.more")} data-testid="chat-more" />
          </Dropdown>
        )}
        {onShowCustomer && <Button type="text" icon={<IdcardOutlined />} aria-label={t("customer.title")} onClick={onShowCustomer} />}
      </Flex>
      {showStages && (
        <div style={{ overflowX: "auto", padding: "0 12px 8px" }} aria-label={t("chat.stage")}>
          <Steps
            type="inline"
            size="small"
            responsive={false}
            current={stageIndex}
            style={{ minWidth: 560 }}
            onChange={
              canStage
                ? (index) => {
                    const stage = PRESALES_STAGES[index];
                    if (stage && stage !== conversation.stage) action.mutate({ type: "stage", stage }, { onError: () => void message.error(t("chat.stageFailed")) });
                  }
                : undefined
            }
            items={PRESALES_STAGES.map((stage) => ({ title: t(`stage.${stage}`), disabled: !canStage }))}
          />
        </div>
      )}
      <CloseDialog conversation={conversation} open={dialog === "close"} onClose={() => setDialog(null)} run={action.mutateAsync} />
      <TransferDialog conversation={conversation} open={dialog === "transfer"} onClose={() => setDialog(null)} run={action.mutateAsync} />
      <EscalateDialog conversation={conversation} open={dialog === "escalate"} onClose={() => setDialog(null)} run={action.mutateAsync} />
    </div>
  );
}
