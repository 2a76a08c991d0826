// "If these pending orders are rated good…": pick orders (all pending ones by default),
// a rating, and see the score and level the same engine gives. Nothing is stored.
import { ArrowRightOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Segmented, Statistic, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatYuan } from "../workbench/format";
import { useWhatIf, type PendingOrder, type ShopCredit } from "./credit-api";
import { LevelBadge } from "./LevelBadge";

type Rating = "good" | "neutral" | "bad";

export function WhatIfSimulator({ credit }: { credit: ShopCredit }) {
  const { t } = useTranslation();
  const whatIf = useWhatIf();
  const orders = credit.pending.orders;
  const [selected, setSelected] = useState<string[]>(() => orders.map((o) => o.id));
  const [rating, setRating] = useState<Rating>("good");
  useEffect(() => setSelected(orders.map((o) => o.id)), [orders]);

  const columns: TableColumnsType<PendingOrder> = [
    { key: "order", title: t("credit.order"), render: (_, o) => o.externalId ?? o.id },
    { key: "buyer", title: t("credit.buyer"), render: (_, o) => o.nick ?? "—" },
    { key: "status", title: t("credit.orderStatus"), render: (_, o) => <Tag>{t(`orderStatus.${o.status}`)}</Tag> },
    { key: "day", title: t("credit.created"), dataIndex: "day" },
    { key: "total", title: t("credit.total"), align: "right", render: (_, o) => (o.totalCents === null ? "—" : formatYuan(o.totalCents)) },
  ];
  const result = whatIf.data;
  const everyPending = selected.length === credit.pending.count && credit.pending.count > orders.length;

  return (
    <Card title={t("credit.whatIfTitle")} size="small" data-testid="credit-what-if">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("credit.whatIfHint", { count: credit.pending.count })}</Typography.Text>
        {orders.length === 0 ? (
          <Alert type="info" showIcon title={t("credit.noPending")} />
        ) : (
          <Table<PendingOrder>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={orders}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          />
        )}
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t("credit.ifRated")}</Typography.Text>
          <Segmented<Rating>
            value={rating}
            onChange={setRating}
            options={(["good", "neutral", "bad"] as const).map((r) => ({ value: r, label: t(`reviews.rating.${r}`) }))}
          />
          <Button
            type="primary"
            data-testid="credit-simulate"
            disabled={selected.length === 0}
            loading={whatIf.isPending}
            onClick={() => whatIf.mutate(everyPending ? { shop: credit.shop.id, rating, pending: true } : { shop: credit.shop.id, rating, orders: selected })}
          >
            {t("credit.simulate", { count: everyPending ? credit.pending.count : selected.length })}
          </Button>
        </Flex>
        {whatIf.isError && <Alert type="error" showIcon title={t("credit.simulateFailed")} />}
        {result && (
          <Flex gap={24} align="center" wrap data-testid="credit-what-if-result" data-after={result.after.score}>
            <Flex vertical align="center">
              <Statistic title={t("credit.now")} value={result.before.score} />
              <LevelBadge level={result.before.level} size={16} testId="credit-before-badge" />
            </Flex>
            <ArrowRightOutlined />
            <Flex vertical align="center">
              <Statistic title={t("credit.then", { count: result.orders })} value={result.after.score} />
              <LevelBadge level={result.after.level} size={16} testId="credit-after-badge" />
            </Flex>
            <Tag color={result.delta > 0 ? "green" : result.delta < 0 ? "red" : "default"}>{t("credit.delta", { delta: result.delta > 0 ? `+${result.delta}` : String(result.delta) })}</Tag>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
