import { BarChartOutlined, BellOutlined, CustomerServiceOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, Spin, Tooltip, Typography } from "antd";
import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { REPORT_ABILITY } from "../features/figures/figures-api";
import { MessageSearch } from "../features/search/MessageSearch";
import { WorkbenchPage } from "../features/workbench/WorkbenchPage";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { askNotificationPermission, notificationsSupported } from "../platform/notify";
import { logout, useSession } from "../platform/session";
import { ABILITY } from "../platform/types";
import { ConnectionBadge } from "./ConnectionBadge";
import { navigate, useRoute } from "./route";
import { SoundToggle } from "./SoundToggle";
import { StatusSelector } from "./StatusSelector";

// Settings are rarely opened during a shift: keep them out of the first load.
const SettingsPage = lazy(() => import("../features/settings/SettingsPage").then((m) => ({ default: m.SettingsPage })));
// The figures page brings ECharts with it; nobody pays for it until the page is opened.
const FiguresPage = lazy(() => import("../features/figures/FiguresPage").then((m) => ({ default: m.FiguresPage })));

export function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const route = useRoute();
  const canSettings = me.abilities.includes(ABILITY.manageAgents) || me.abilities.includes(ABILITY.manageShops);
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const canFigures = me.abilities.includes(REPORT_ABILITY.viewAll) || me.abilities.includes(REPORT_ABILITY.viewOwn);
  const page = route.page === "settings" && canSettings ? "settings" : route.page === "figures" && canFigures ? "figures" : "workbench";

  // Only pages this agent can use are offered.
  const menuItems = [
    { key: "workbench", icon: <CustomerServiceOutlined />, label: compact ? null : <span data-testid="nav-workbench">{t("nav.workbench")}</span> },
    ...(canFigures ? [{ key: "figures", icon: <BarChartOutlined />, label: compact ? null : <span data-testid="nav-figures">{t("nav.figures")}</span> }] : []),
    ...(canSettings ? [{ key: "settings", icon: <SettingOutlined />, label: compact ? null : <span data-testid="nav-settings">{t("nav.settings")}</span> }] : []),
  ];

  return (
    <Layout style={{ height: "100%" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 12 }}>
        <Typography.Text strong style={{ color: "#fff", fontSize: 18, whiteSpace: "nowrap" }}>
          {compact ? "QD" : t("app.name")}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[page]}
          items={menuItems}
          style={{ flex: 1, minWidth: 0 }}
          onClick={({ key }) =>
            navigate(
              key === "settings" ? { page: "settings", tab: null } : key === "figures" ? { page: "figures" } : { page: "workbench", conversationId: null },
            )
          }
        />
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
      <Layout.Content style={{ minHeight: 0, display: "flex" }}>
        {page === "settings" ? (
          <Suspense fallback={<Spin style={{ margin: "auto" }} />}>
            <SettingsPage tab={route.page === "settings" ? route.tab : null} />
          </Suspense>
        ) : page === "figures" ? (
          <Suspense fallback={<Spin style={{ margin: "auto" }} />}>
            <FiguresPage />
          </Suspense>
        ) : (
          <WorkbenchPage
            selectedId={route.page === "workbench" ? route.conversationId : null}
            focusSeq={route.page === "workbench" ? (route.seq ?? null) : null}
          />
        )}
      </Layout.Content>
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
