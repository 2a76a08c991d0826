// The shop's promotions: what runs, what is scheduled and what ended, with their window in
// shop time; owners and supervisors add, change, switch off and remove them, and anyone
// can try a basket against them.
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Popconfirm, Select, Switch, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { PageProps } from "../../app/pages";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { PromotionFormModal } from "./PromotionFormModal";
import { usePromotionMutations, usePromotions, type Promotion, type PromotionState } from "./promotions-api";
import { TryItBox } from "./TryItBox";

const STATE_COLORS: Record<PromotionState, string> = { running: "green", scheduled: "blue", ended: "default", disabled: "default" };

/** "2026-11-11T00:00" → "2026-11-11 00:00". */
const shopTimeText = (local: string) => local.replace("T", " ");

export function PromotionsPage(_props: PageProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = useAbility(ABILITY.managePromotions);
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const shop = me.shops.find((s) => s.id === shopId) ?? null;
  const list = usePromotions(shopId);
  const { update, remove } = usePromotionMutations(shopId ?? "");
  const [editing, setEditing] = useState<Promotion | null | "new">(null);

  if (!shop) return <Alert type="info" showIcon title={t("promotions.noShop")} style={{ margin: 24 }} />;

  const scopeText = (p: Promotion) =>
    p.scope.type === "shop"
      ? t("promotions.scopeType.shop")
      : p.scope.type === "category"
        ? `${t("promotions.scopeType.category")}：${p.scope.categories.join("、")}`
        : t("promotions.scopeProducts", { count: p.scope.productIds.length });

  const columns: TableColumnsType<Promotion> = [
    {
      title: t("promotions.name"),
      dataIndex: "name",
      render: (_v, p) => (
        <Flex vertical>
          <Typography.Text strong>{p.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.description}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t("promotions.kind"), dataIndex: "kind", render: (_v, p) => <Tag>{t(`promotions.kindName.${p.kind}`)}</Tag> },
    {
      title: t("promotions.windowColumn"),
      key: "window",
      render: (_v, p) => (
        <Typography.Text style={{ fontSize: 12, whiteSpace: "nowrap" }}>
          {shopTimeText(p.startsAt)} → {p.endsAt ? shopTimeText(p.endsAt) : t("promotions.noEnd")}
        </Typography.Text>
      ),
    },
    { title: t("promotions.scope"), key: "scope", render: (_v, p) => scopeText(p) },
    { title: t("promotions.state"), dataIndex: "state", render: (_v, p) => <Tag color={STATE_COLORS[p.state]} data-testid="promotion-state">{t(`promotions.stateName.${p.state}`)}</Tag> },
    ...(canManage
      ? [
          {
            title: t("promotions.actions"),
            key: "actions",
            render: (_v: unknown, p: Promotion) => (
              <Flex gap={4} align="center">
                <Switch
                  size="small"
                  checked={p.enabled}
                  aria-label={t("promotions.enabled")}
                  data-testid="promotion-enabled"
                  onChange={(enabled) => update.mutate({ id: p.id, patch: { enabled } }, { onError: () => void message.error(t("promotions.saveFailed")) })}
                />
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t("common.edit")} data-testid="promotion-edit" onClick={() => setEditing(p)} />
                <Popconfirm title={t("promotions.deleteConfirm")} onConfirm={() => remove.mutate(p.id)} okText={t("common.delete")} cancelText={t("common.cancel")}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="promotions-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("promotions.title")}
        </Typography.Title>
        <Flex gap={8}>
          {me.shops.length > 1 && <Select value={shopId} style={{ minWidth: 180 }} onChange={setShopId} options={me.shops.map((s) => ({ value: s.id, label: s.name }))} aria-label={t("settings.shop")} />}
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="promotion-new">
              {t("promotions.create")}
            </Button>
          )}
        </Flex>
      </Flex>
      {list.isError && <Alert type="error" showIcon title={t("promotions.loadFailed")} style={{ marginBottom: 12 }} />}
      <Table<Promotion>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: true }}
        onRow={() => ({ "data-testid": "promotion-row" }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t("promotions.empty") }}
        style={{ marginBottom: 16 }}
      />
      <TryItBox key={shop.id} shopId={shop.id} timeZone={shop.timezone} />
      {canManage && (
        <PromotionFormModal open={editing !== null} shopId={shop.id} timeZone={shop.timezone} promotion={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
