import { Alert, Flex, Select, Spin, Tabs, Typography } from "antd";
import { Suspense, lazy, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { navigate, type SettingsTab } from "../../app/route";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { PoliciesCard } from "./PoliciesCard";
import { ShopForm } from "./ShopForm";
import { UnpaidRemindersCard } from "./UnpaidRemindersCard";
import { useShop } from "./settings-api";
import { WidgetCard } from "./WidgetCard";

const AgentsPage = lazy(() => import("../agents/AgentsPage").then((m) => ({ default: m.AgentsPage })));

/** Owners' settings: the shop (profile, auto-replies, widget) and the agents. */
export function SettingsPage({ tab }: { tab: SettingsTab | null }) {
  const { t } = useTranslation();
  const me = useSession();
  const canShops = useAbility(ABILITY.manageShops);
  const canAgents = useAbility(ABILITY.manageAgents);
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const shop = useShop(canShops ? shopId : null);

  const tabs: SettingsTab[] = [...(canShops ? (["shop", "replies", "widget"] as const) : []), ...(canAgents ? (["agents"] as const) : [])];
  const active = tab && tabs.includes(tab) ? tab : tabs[0];
  if (!active) return <Alert type="info" showIcon title={t("settings.nothing")} style={{ margin: 24 }} />;

  const shopPart = (render: () => ReactNode) =>
    shop.isError ? <Alert type="error" showIcon title={t("settings.loadFailed")} /> : shop.data ? render() : <Spin />;
  const content: Record<SettingsTab, () => ReactNode> = {
    shop: () =>
      shopPart(() => (
        <>
          <ShopForm key={shop.data!.id} shop={shop.data!} part="profile" />
          <PoliciesCard key={`policies-${shop.data!.id}`} shop={shop.data!} />
          <UnpaidRemindersCard key={`reminders-${shop.data!.id}`} shop={shop.data!} />
        </>
      )),
    replies: () => shopPart(() => <ShopForm key={shop.data!.id} shop={shop.data!} part="replies" />),
    widget: () => (shopId ? <WidgetCard key={shopId} shopId={shopId} /> : null),
    agents: () => (
      <Suspense fallback={<Spin />}>
        <AgentsPage />
      </Suspense>
    ),
  };

  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("settings.title")}
        </Typography.Title>
        {canShops && me.shops.length > 1 && (
          <Select
            value={shopId}
            aria-label={t("settings.shop")}
            style={{ minWidth: 200 }}
            onChange={setShopId}
            options={me.shops.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Flex>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate({ page: "settings", tab: key as SettingsTab })}
        items={tabs.map((key) => ({ key, label: <span data-testid={`settings-tab-${key}`}>{t(`settings.tab.${key}`)}</span>, children: content[key]() }))}
        destroyOnHidden
      />
    </div>
  );
}
