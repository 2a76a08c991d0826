import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../platform/session";
import type { Agent } from "../../platform/types";
import { AgentFormModal } from "./AgentFormModal";
import { isActive, useAgentMutations, useAgents } from "./agents-api";
import { PasswordModal } from "./PasswordModal";

const STATUS_DOT = { online: "success", busy: "error", away: "warning", offline: "default" } as const;

export function AgentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const agents = useAgents();
  const { deactivate } = useAgentMutations();
  const [editing, setEditing] = useState<Agent | null>(null);
  const [creating, setCreating] = useState(false);
  const [passwordFor, setPasswordFor] = useState<Agent | null>(null);

  const deactivateAgent = async (agent: Agent) => {
    try {
      await deactivate.mutateAsync(agent.id);
      void message.success(t("agents.deactivated", { name: agent.name }));
    } catch {
      void message.error(t("agents.saveFailed"));
    }
  };

  return (
    <div>
      <Card
        title={t("agents.title")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("agents.create")}
          </Button>
        }
      >
        {agents.isError && <Alert type="error" showIcon title={t("agents.loadFailed")} style={{ marginBottom: 16 }} />}
        <Table<Agent>
          rowKey="id"
          loading={agents.isPending}
          dataSource={agents.data ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t("agents.name"),
              dataIndex: "name",
              render: (_value, agent) => (
                <Flex vertical>
                  <Typography.Text strong delete={!isActive(agent)}>
                    {agent.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {agent.email}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t("agents.role"), dataIndex: "role", render: (_v, a) => <Tag color={a.role === "owner" ? "gold" : a.role === "supervisor" ? "blue" : "default"}>{t(`role.${a.role}`)}</Tag> },
            { title: t("agents.team"), dataIndex: "team", render: (_v, a) => t(`team.${a.team}`) },
            { title: t("agents.maxChats"), dataIndex: "maxChats", align: "right" },
            {
              title: t("agents.status"),
              dataIndex: "status",
              render: (_v, a) =>
                isActive(a) ? <Badge status={STATUS_DOT[a.status]} text={t(`status.${a.status}`)} /> : <Tag>{t("agents.inactive")}</Tag>,
            },
            {
              title: t("agents.actions"),
              key: "actions",
              render: (_v, agent) => (
                <Space size={0} wrap>
                  <Tooltip title={t("common.edit")}>
                    <Button type="text" icon={<EditOutlined />} aria-label={t("common.edit")} disabled={!isActive(agent)} onClick={() => setEditing(agent)} />
                  </Tooltip>
                  <Tooltip title={t("agents.resetPassword")}>
                    <Button type="text" icon={<KeyOutlined />} aria-label={t("agents.resetPassword")} disabled={!isActive(agent)} onClick={() => setPasswordFor(agent)} />
                  </Tooltip>
                  <Popconfirm
                    title={t("agents.deactivateConfirm", { name: agent.name })}
                    okText={t("common.confirm")}
                    cancelText={t("common.cancel")}
                    okButtonProps={{ danger: true }}
                    disabled={!isActive(agent) || agent.id === me.agent.id}
                    onConfirm={() => deactivateAgent(agent)}
                  >
                    <Tooltip title={agent.id === me.agent.id ? t("agents.cannotDeactivateSelf") : t("agents.deactivate")}>
                      <Button type="text" danger icon={<StopOutlined />} aria-label={t("agents.deactivate")} disabled={!isActive(agent) || agent.id === me.agent.id} />
                    </Tooltip>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <AgentFormModal open={creating || editing !== null} agent={editing} onClose={() => {
          setCreating(false);
          setEditing(null);
        }} />
      <PasswordModal agent={passwordFor} onClose={() => setPasswordFor(null)} />
    </div>
  );
}
