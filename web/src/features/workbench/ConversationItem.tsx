import { Avatar, Badge, Flex, Tag, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import type { ConversationSummary } from "../../platform/types";
import { formatTime } from "./format";
import { WaitingTimer } from "./WaitingTimer";

interface Props {
  conversation: ConversationSummary;
  selected: boolean;
  showAssignee: boolean;
  onOpen: (id: string) => void;
}

export function ConversationItem({ conversation, selected, showAssignee, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { customer, lastMessage } = conversation;
  const preview = lastMessage ? lastMessage.text || t("message.kind.image") : t("queue.noMessages");
  return (
    <div
      data-testid="conversation-item"
      data-conversation-id={conversation.id}
      role="button"
      tabIndex={0}
      aria-current={selected || undefined}
      onClick={() => onOpen(conversation.id)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onOpen(conversation.id);
        }
      }}
      style={{
        display: "flex",
        gap: 10,
        padding: "10px 12px",
        cursor: "pointer",
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: selected ? token.colorPrimaryBg : undefined,
        borderInlineStart: `3px solid ${selected ? token.colorPrimary : "transparent"}`,
      }}
    >
      <Badge count={conversation.unread} size="small" overflowCount={99}>
        <Avatar style={{ background: token.colorPrimary }}>{customer.nick.slice(0, 1).toUpperCase()}</Avatar>
      </Badge>
      <Flex vertical style={{ flex: 1, minWidth: 0 }} gap={2}>
        <Flex justify="space-between" align="baseline" gap={8}>
          <Typography.Text strong ellipsis>
            {customer.nick}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
            {lastMessage ? formatTime(lastMessage.at, i18n.language) : formatTime(conversation.startedAt, i18n.language)}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
          {preview}
        </Typography.Text>
        <Flex gap={6} align="center" wrap style={{ fontSize: 12 }}>
          {conversation.waitingSince && conversation.status !== "closed" && <WaitingTimer since={conversation.waitingSince} />}
          {conversation.status !== "open" && (
            <Tag color={conversation.status === "waiting" ? "orange" : "default"} style={{ marginInlineEnd: 0 }}>
              {t(`conversation.status.${conversation.status}`)}
            </Tag>
          )}
          {conversation.priority === "urgent" && (
            <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="queue-urgent">
              {t("assistant.urgentTag")}
            </Tag>
          )}
          {conversation.escalated && (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="queue-escalated">
              {t("chat.escalatedTag")}
            </Tag>
          )}
          {conversation.stage ? (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t(`stage.${conversation.stage}`)}
            </Tag>
          ) : (
            <Tag style={{ marginInlineEnd: 0 }}>{t(`team.${conversation.team}`)}</Tag>
          )}
          {showAssignee && conversation.assigneeName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("queue.assignee", { name: conversation.assigneeName })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </div>
  );
}
