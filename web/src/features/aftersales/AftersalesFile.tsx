// The buyer's after-sales file in the customer sidebar (seed 002 售后档案): every case with
// its state, a button to open a new one for an order, and the case itself a click away.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Typography, theme } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Order } from "../../platform/types";
import { formatTime } from "../workbench/format";
import { useCustomerCases } from "./aftersales-api";
import { CaseDrawer } from "./CaseDrawer";
import { OpenCaseModal } from "./OpenCaseModal";

export function AftersalesFile({ customerId, conversationId, orders }: { customerId: string; conversationId: string | null; orders: readonly Order[] }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const cases = useCustomerCases(customerId);
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const items = cases.data?.items ?? [];
  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t("aftersales.title")}</Typography.Text>
        <Button size="small" icon={<PlusOutlined />} data-testid="aftersales-open" disabled={orders.length === 0 && !conversationId} onClick={() => setOpening(true)}>
          {t("aftersales.openButton")}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t("aftersales.none")}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {items.map((c) => (
            <Flex
              key={c.id}
              data-testid="aftersales-case"
              data-status={c.status}
              role="button"
              tabIndex={0}
              onClick={() => setShown(c.id)}
              onKeyDown={(e) => e.key === "Enter" && setShown(c.id)}
              justify="space-between"
              align="center"
              gap={8}
              style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: "6px 8px", cursor: "pointer" }}
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text style={{ fontSize: 13 }}>
                  {t(`aftersales.kinds.${c.kind}`)} · {t(`aftersales.reasons.${c.reason}`)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(c.openedAt, i18n.language)}
                </Typography.Text>
              </Flex>
              <Tag style={{ marginInlineEnd: 0 }} color={c.status === "closed" ? "green" : c.status === "cancelled" ? "default" : "processing"}>
                {t(`aftersales.statuses.${c.status}`)}
              </Tag>
            </Flex>
          ))}
        </Flex>
      )}
      {opening && (
        <OpenCaseModal customerId={customerId} conversationId={conversationId} orders={orders} open={opening} onClose={() => setOpening(false)} onOpened={(c) => setShown(c.id)} />
      )}
      <CaseDrawer customerId={customerId} caseId={shown} onClose={() => setShown(null)} />
    </div>
  );
}
