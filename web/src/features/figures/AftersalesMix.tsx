// After-sales on the figures page: the return rate and why buyers came back, by reason,
// by product and by agent (seed 002: reasons recorded honestly, their mix reported).
import { Card, Col, Row, Statistic, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "./figures-api";
import { formatRate } from "./figures-format";

type Mix = NonNullable<Dashboard["aftersales"]>;

export function AftersalesMix({ mix }: { mix: Mix }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("figures.aftersales.title")} style={{ marginTop: 16 }} data-testid="figures-aftersales">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t("figures.aftersales.returnRate")} value={formatRate(mix.returnRate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t("figures.aftersales.cases")} value={mix.cases} />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={8}>
          <Table
            size="small"
            rowKey="reason"
            pagination={false}
            dataSource={mix.byReason}
            columns={[
              { key: "reason", title: t("aftersales.reason"), render: (_, row) => t(`aftersales.reasons.${row.reason}`, { defaultValue: row.reason }) },
              { key: "cases", title: t("figures.aftersales.cases"), dataIndex: "cases", align: "right" },
            ]}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Table
            size="small"
            rowKey={(row) => `${row.productId}-${row.color}-${row.size}`}
            pagination={false}
            dataSource={mix.byProduct.slice(0, 10)}
            columns={[
              { key: "product", title: t("figures.aftersales.product"), render: (_, row) => [row.title ?? "—", [row.color, row.size].filter(Boolean).join(" / ")].filter(Boolean).join(" · ") },
              { key: "cases", title: t("figures.aftersales.cases"), dataIndex: "cases", align: "right" },
            ]}
          />
        </Col>
        <Col xs={24} lg={6}>
          <Table
            size="small"
            rowKey={(row) => row.agentId ?? ""}
            pagination={false}
            dataSource={mix.byAgent}
            columns={[
              { key: "agent", title: t("figures.agent"), render: (_, row) => row.name ?? "—" },
              { key: "cases", title: t("figures.aftersales.cases"), dataIndex: "cases", align: "right" },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
