import { BellOutlined, CustomerServiceOutlined, LogoutOutlined, MenuOutlined, SettingOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Spin, Tooltip, Typography } from "antd";
import { Suspense, lazy, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SlaWarnings } from "../features/aftersales/SlaWarnings";
import { ReviewAlerts } from "../features/reviews/ReviewAlerts";
import { MessageSearch } from "../features/search/MessageSearch";
import { WorkbenchPage } from "../features/workbench/WorkbenchPage";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { askNotificationPermission, notificationsSupported } from "../platform/notify";
import { logout, useSession } from "../platform/session";
import { ABILITY } from "../platform/types";
import { ConnectionBadge } from "./ConnectionBadge";
import { PAGES } from "./pages";
import { navigate, useRoute, type PlainPage, type Route } from "./route";
import { SoundToggle } from "./SoundToggle";
import { StatusSelector } from "./StatusSelector";

// Settings are rarely opened during a shift: keep them out of the first load.
const SettingsPage = lazy(() => import("../features/settings/SettingsPage").then((m) => ({ default: m.SettingsPage })));

const SIDER_COLLAPSED_KEY = "qindesk.sider.collapsed";

function routeFor(key: string): Route {
  if (key === "settings") return { page: "settings", tab: null };
  if (key === "workbench") return { page: "workbench", conversationId: null };
  return { page: key as PlainPage, section: null };
}

export function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const route = useRoute();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_COLLAPSED_KEY) === "1");

  const canSettings = me.abilities.includes(ABILITY.manageAgents) || me.abilities.includes(ABILITY.manageShops);
  // After-sales due times concern the after-sales team and those who oversee everyone.
  const watchesSla = me.abilities.includes(ABILITY.aftersales) && (me.agent.team === "aftersales" || me.abilities.includes(ABILITY.viewAll));
  // Neutral/bad reviews are followed up by the same people (seed 002: after-sales work).
  const watchesReviews = me.abilities.includes(ABILITY.replyReviews) && (me.agent.team === "aftersales" || me.abilities.includes(ABILITY.viewAll));
  const pages = PAGES.filter((entry) => entry.allowed(me.abilities));
  const openPage = pages.find((entry) => entry.key === route.page);
  const page = route.page === "settings" && canSettings ? "settings" : openPage ? openPage.key : "workbench";

  // The side menu (a drawer on a phone) holds every page, so adding one never crowds the
  // header, whose controls are the ones used all shift long.
  const label = (key: string, text: string): ReactNode => <span data-testid={`nav-${key}`}>{text}</span>;
  const menuItems = [
    { key: "workbench", icon: <CustomerServiceOutlined />, label: label("workbench", t("nav.workbench")) },
    ...pages.map((entry) => ({ key: entry.key, icon: entry.icon, label: label(entry.key, t(entry.label)) })),
    ...(canSettings ? [{ key: "settings", icon: <SettingOutlined />, label: label("settings", t("nav.settings")) }] : []),
  ];
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[page]}
      items={menuItems}
      style={{ borderInlineEnd: 0 }}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(routeFor(key));
      }}
    />
  );

  return (
    <Layout style={{ height: "100%" }}>
      {watchesSla && <SlaWarnings />}
      {watchesReviews && <ReviewAlerts />}
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 12, paddingInline: compact ? 12 : 24 }}>
        {compact && (
          <Button
            type="text"
            aria-label={t("nav.menu")}
            data-testid="nav-menu"
            icon={<MenuOutlined style={{ color: "#fff" }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Typography.Text strong style={{ color: "#fff", fontSize: 18, whiteSpace: "nowrap", flex: 1, minWidth: 0 }}>
          {compact ? "QD" : t("app.name")}
        </Typography.Text>
        <Flex align="center" gap={compact ? 6 : 12}>
          {page === "workbench" && <MessageSearch compact={compact} />}
          <ConnectionBadge compact={compact} />
          <StatusSelector />
          {!compact && <SoundToggle />}
          {!compact && <NotifyButton />}
          {!compact && <LanguageSwitcher size="small" />}
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                { key: "who", label: `${me.agent.name} · ${t(`role.${me.agent.role}`)} · ${t(`team.${me.agent.team}`)}`, disabled: true },
                ...(compact ? [{ key: "lang", label: <LanguageSwitcher size="small" /> }, { key: "sound", label: <SoundToggle withLabel /> }] : []),
                { type: "divider" as const },
                { key: "logout", icon: <LogoutOutlined />, label: <span data-testid="logout">{t("nav.logout")}</span>, danger: true },
              ],
              onClick: ({ key }) => {
                if (key === "logout") void logout(queryClient);
              },
            }}
          >
            <Button type="text" data-testid="account-menu" aria-label={t("nav.account")} style={{ color: "#fff", paddingInline: 4 }}>
              <Avatar size="small" icon={<UserOutlined />} />
              {!compact && <span style={{ marginInlineStart: 6 }}>{me.agent.name}</span>}
            </Button>
          </Dropdown>
        </Flex>
      </Layout.Header>
      <Layout style={{ minHeight: 0 }}>
        {compact ? (
          <Drawer placement="left" width={220} open={drawerOpen} onClose={() => setDrawerOpen(false)} styles={{ body: { padding: 0 } }} title={t("app.name")}>
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            theme="light"
            width={168}
            collapsible
            collapsed={collapsed}
            onCollapse={(value) => {
              setCollapsed(value);
              localStorage.setItem(SIDER_COLLAPSED_KEY, value ? "1" : "0");
            }}
            style={{ borderInlineEnd: "1px solid rgba(5,5,5,0.06)" }}
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ minHeight: 0, minWidth: 0, display: "flex" }}>
          <Suspense fallback={<Spin style={{ margin: "auto" }} />}>
            {page === "settings" ? (
              <SettingsPage tab={route.page === "settings" ? route.tab : null} />
            ) : openPage && page === openPage.key ? (
              <openPage.Page section={"section" in route ? route.section : null} />
            ) : (
              <WorkbenchPage
                selectedId={route.page === "workbench" ? route.conversationId : null}
                focusSeq={route.page === "workbench" ? (route.seq ?? null) : null}
              />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function NotifyButton() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : "denied"));
  if (!notificationsSupported() || permission !== "default") return null;
  return (
    <Tooltip title={t("notify.enable")}>
      <Button
        type="text"
        shape="circle"
        aria-label={t("notify.enable")}
        icon={<BellOutlined style={{ color: "#fff" }} />}
        onClick={() => {
          askNotificationPermission();
          // The prompt answers asynchronously; hide the button once it is decided.
          window.setTimeout(() => setPermission(Notification.permission), 4000);
        }}
      />
    </Tooltip>
  );
}
