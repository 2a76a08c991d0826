import { ArrowLeftOutlined, CheckCircleOutlined, IdcardOutlined, UserAddOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Popconfirm, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, apiPost } from "../../platform/api";
import { useSession } from "../../platform/session";
import type { ConversationSummary } from "../../platform/types";
import { canReplyTo } from "./policy";
import { storeConversation, viewerOf } from "./use-live-updates";

interface Props {
  conversation: ConversationSummary;
  onBack?: () => void;
  onShowCustomer?: () => void;
}

const STATUS_COLOR = { waiting: "orange", open: "green", closed: "default" } as const;

export function ChatHeader({ conversation, onBack, onShowCustomer }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: "claim" | "close") =>
      apiPost<{ conversation: ConversationSummary }>(`/api/v1/conversations/${encodeURIComponent(conversation.id)}/${action}`),
    onSuccess: (answer, action) => {
      storeConversation(queryClient, answer.conversation, viewerOf(me));
      void message.success(t(action === "claim" ? "chat.claimed" : "chat.closed"));
    },
    onError: (error, action) => {
      if (error instanceof ApiError && error.code === "assigned") void message.error(t("chat.takenByColleague"));
      else void message.error(t(action === "claim" ? "chat.claimFailed" : "chat.closeFailed"));
    },
  });

  const mine = conversation.assigneeId === me.agent.id;
  const canReply = canReplyTo(me, conversation);
  const open = conversation.status !== "closed";
  const canClaim = open && canReply && (!mine || conversation.status === "waiting");
  const busy = act.isPending ? act.variables : undefined;

  return (
    <Flex align="center" gap={8} style={{ padding: "8px 12px", borderBottom: "1px solid rgba(5,5,5,0.06)", background: "#fff" }}>
      {onBack && <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t("common.back")} onClick={onBack} />}
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong ellipsis>
          {conversation.customer.nick}
        </Typography.Text>
        <Flex gap={6} align="center" style={{ fontSize: 12 }}>
          <Tag color={STATUS_COLOR[conversation.status]} style={{ marginInlineEnd: 0 }}>
            {t(`conversation.status.${conversation.status}`)}
          </Tag>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {conversation.assigneeName ? t("queue.assignee", { name: conversation.assigneeName }) : t("chat.unassigned")}
          </Typography.Text>
        </Flex>
      </Flex>
      {canClaim && (
        <Button type="primary" icon={<UserAddOutlined />} loading={busy === "claim"} onClick={() => act.mutate("claim")}>
          {t("chat.claim")}
        </Button>
      )}
      {open && canReply && (
        <Popconfirm title={t("chat.closeConfirm")} okText={t("common.confirm")} cancelText={t("common.cancel")} onConfirm={() => act.mutate("close")}>
          <Button icon={<CheckCircleOutlined />} loading={busy === "close"}>
            {t("chat.close")}
          </Button>
        </Popconfirm>
      )}
      {onShowCustomer && <Button type="text" icon={<IdcardOutlined />} aria-label={t("customer.title")} onClick={onShowCustomer} />}
    </Flex>
  );
}
