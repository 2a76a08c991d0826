// An order card as the agent sees it in the chat: what was asked, the buyer's answer so
// far, and "take back" while unanswered. No address in it: the order drawer shows that.
import { App, Button, Card, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import type { OrderCard } from "../../platform/types";
import { withdrawOrderCard } from "./orders-api";

const STATE_COLOR: Record<OrderCard["state"], string> = {
  pending: "gold",
  confirmed: "green",
  corrected: "green",
  declined: "default",
  withdrawn: "default",
  failed: "red",
};

export function OrderCardView({ card }: { card: OrderCard }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withdraw = () =>
    withdrawOrderCard(card.actionId).catch((error: unknown) => void message.error(error instanceof ApiError ? error.message : t("orders.failed")));
  return (
    <Card size="small" style={{ width: 260 }} styles={{ body: { padding: 10 } }} data-testid="order-card" data-state={card.state}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t(`orders.card.${card.kind}`)}</Typography.Text>
        <Tag color={STATE_COLOR[card.state]} style={{ marginInlineEnd: 0 }}>
          {t(`orders.cardState.${card.state}`)}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("orders.title", { ref: card.orderRef })}
      </Typography.Text>
      {card.kind === "sku_change" && (
        <div style={{ marginTop: 4 }}>
          {card.title} · {card.from} → {card.to}
        </div>
      )}
      {card.state === "pending" && (
        <Button size="small" type="link" style={{ padding: 0 }} onClick={() => void withdraw()}>
          {t("orders.withdraw")}
        </Button>
      )}
    </Card>
  );
}
