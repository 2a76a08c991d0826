import { BellOutlined, CustomerServiceOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, Spin, Tooltip, Typography } from "antd";
import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { WorkbenchPage } from "../features/workbench/WorkbenchPage";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { askNotificationPermission, notificationsSupported } from "../platform/notify";
import { logout, useAbility, useSession } from "../platform/session";
import { ABILITY } from "../platform/types";
import { ConnectionBadge } from "./ConnectionBadge";
import { navigate, useRoute } from "./route";
import { StatusSelector } from "./StatusSelector";

// The owner's page is rarely opened by agents: keep it out of the first load.
const AgentsPage = lazy(() => import("../features/agents/AgentsPage").then((m) => ({ default: m.AgentsPage })));

export function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const route = useRoute();
  const canManage = useAbility(ABILITY.manageAgents);
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const page = route.page === "agents" && canManage ? "agents" : "workbench";

  const menuItems = [
    { key: "workbench", icon: <CustomerServiceOutlined />, label: compact ? null : t("nav.workbench") },
    ...(canManage ? [{ key: "agents", icon: <TeamOutlined />, label: compact ? null : t("nav.agents") }] : []),
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
          onClick={({ key }) => navigate(key === "agents" ? { page: "agents" } : { page: "workbench", conversationId: null })}
        />
        <Flex align="center" gap={compact ? 8 : 12}>
          <ConnectionBadge compact={compact} />
          <StatusSelector />
          {!compact && <NotifyButton />}
          {!compact && <LanguageSwitcher size="small" />}
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                { key: "who", label: `${me.agent.name} · ${t(`role.${me.agent.role}`)} · ${t(`team.${me.agent.team}`)}`, disabled: true },
                ...(compact ? [{ key: "lang", label: <LanguageSwitcher size="small" /> }] : []),
                { type: "divider" as const },
                { key: "logout", icon: <LogoutOutlined />, label: t("nav.logout"), danger: true },
              ],
              onClick: ({ key }) => {
                if (key === "logout") void logout(queryClient);
              },
            }}
          >
            <Button type="text" aria-label={t("nav.account")} style={{ color: "#fff", paddingInline: 4 }}>
              <Avatar size="small" icon={<UserOutlined />} />
              {!compact && <span style={{ marginInlineStart: 6 }}>{me.agent.name}</span>}
            </Button>
          </Dropdown>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ minHeight: 0, display: "flex" }}>
        {page === "agents" ? (
          <Suspense fallback={<Spin style={{ margin: "auto" }} />}>
            <AgentsPage />
          </Suspense>
        ) : (
          <WorkbenchPage selectedId={route.page === "workbench" ? route.conversationId : null} />
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
