// The shop's credit (seed 001 §1.3, §5): the score and level badge, what the next level
// needs, points by month, what the monthly cap and the same-item window took, and a
// what-if. Computed by the server from the stored orders and reviews with the engine of
// `qindesk credit`.
import { Alert, Card, Col, Empty, Flex, Progress, Row, Select, Spin, Statistic, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PageProps } from "../../app/pages";
import { useSession } from "../../platform/session";
import { useShopCredit, type ShopCredit } from "./credit-api";
import { CreditMonthsChart } from "./CreditMonthsChart";
import { LevelBadge } from "./LevelBadge";
import { WhatIfSimulator } from "./WhatIfSimulator";

type CutTrade = ShopCredit["cutTrades"][number];

export function CreditPage(_props: PageProps) {
  const { t } = useTranslation();
  const me = useSession();
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const credit = useShopCredit(shopId);
  const data = credit.data;
  const labels = useMemo(
    () => ({ title: t("credit.byMonth"), good: t("credit.goodPoints"), bad: t("credit.badPoints"), capped: t("credit.cappedPoints"), score: t("credit.score") }),
    [t],
  );

  if (!shopId) return <Alert type="info" showIcon title={t("credit.noShop")} style={{ margin: 24 }} />;

  const cutColumns: TableColumnsType<CutTrade> = [
    { key: "order", title: t("credit.order"), render: (_, c) => c.orderExternalId ?? c.orderId },
    { key: "buyer", title: t("credit.buyer"), render: (_, c) => c.nick ?? "—" },
    { key: "month", title: t("credit.month"), dataIndex: "month" },
    { key: "rating", title: t("credit.rating"), render: (_, c) => <Tag color={c.rating === "bad" ? "red" : "green"}>{t(`reviews.rating.${c.rating}`)}</Tag> },
    { key: "why", title: t("credit.why"), render: (_, c) => t(`credit.outcome.${c.outcome}`, { days: data?.settings.sameItemWindowDays }) },
  ];

  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="credit-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("credit.title")}
        </Typography.Title>
        {me.shops.length > 1 && <Select value={shopId} onChange={setShopId} options={me.shops.map((s) => ({ value: s.id, label: s.name }))} style={{ minWidth: 160 }} />}
      </Flex>
      {credit.isError ? (
        <Alert type="error" showIcon title={t("credit.loadFailed")} />
      ) : !data ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card size="small">
                <Statistic title={t("credit.score")} value={data.score} valueStyle={{ fontSize: 36 }} />
                <div data-testid="credit-score" data-score={data.score} style={{ marginTop: 8 }}>
                  <LevelBadge level={data.level} size={24} />
                </div>
                {data.next && (
                  <Flex vertical style={{ marginTop: 12 }}>
                    <Typography.Text type="secondary">{t("credit.nextLevel", { points: data.next.pointsToGo })}</Typography.Text>
                    <Flex align="center" gap={8}>
                      <Progress
                        percent={Math.max(0, Math.min(100, Math.round(((data.score - (data.range.min ?? 0)) / Math.max(1, data.next.minScore - (data.range.min ?? 0))) * 100)))}
                        showInfo={false}
                        style={{ flex: 1, margin: 0 }}
                      />
                      <LevelBadge level={data.next.level} size={14} testId="credit-next-badge" />
                    </Flex>
                  </Flex>
                )}
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t("credit.monthlyCap", { cap: data.settings.monthlyPairCap })} data-testid="credit-cap-monthly">
                <Statistic title={t("credit.goodLost")} value={data.caps.monthlyCap.goodLost} />
                <Typography.Text type="secondary">{t("credit.badSpared", { count: data.caps.monthlyCap.badSpared })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t("credit.sameItem", { days: data.settings.sameItemWindowDays })} data-testid="credit-cap-same-item">
                <Statistic title={t("credit.goodLost")} value={data.caps.sameItem.goodLost} />
                <Typography.Text type="secondary">{t("credit.badSpared", { count: data.caps.sameItem.badSpared })}</Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t("credit.byMonth")}>
            {data.byMonth.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("credit.noTrades")} /> : <CreditMonthsChart months={data.byMonth} labels={labels} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("credit.rulesNote", {
                window: data.settings.reviewWindowDays,
                cap: data.settings.monthlyPairCap,
                days: data.settings.sameItemWindowDays,
              })}{" "}
              {t(data.settings.paidThroughEscrow ? "credit.escrowYes" : "credit.escrowNo")}
            </Typography.Text>
          </Card>
          {data.cutTrades.length > 0 && (
            <Card size="small" title={t("credit.cutTitle")}>
              <Table<CutTrade>
                size="small"
                rowKey={(c) => `${c.orderId}#${c.position}`}
                columns={cutColumns}
                dataSource={data.cutTrades}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: "max-content" }}
              />
            </Card>
          )}
          <WhatIfSimulator credit={data} />
        </Flex>
      )}
    </div>
  );
}
