import { App, Form, Input, InputNumber, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import type { Agent } from "../../platform/types";
import { ROLES, TEAMS, showFieldError, useAgentMutations, type AgentDraft } from "./agents-api";

const FIELDS = ["name", "email", "password", "role", "team", "maxChats"] as const;
export const MIN_PASSWORD = 8;

/** Create (agent = null) or edit an agent. */
export function AgentFormModal({ open, agent, onClose }: { open: boolean; agent: Agent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgentDraft>();
  const { create, update } = useAgentMutations();
  const editing = agent !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      agent
        ? { name: agent.name, email: agent.email ?? "", role: agent.role, team: agent.team, maxChats: agent.maxChats }
        : { role: "agent", team: "presales", maxChats: 5 },
    );
  }, [open, agent, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (agent) {
        const { name, role, team, maxChats } = values;
        await update.mutateAsync({ id: agent.id, changes: { name, role, team, maxChats } });
      } else {
        await create.mutateAsync({ ...values, email: values.email.trim() });
      }
      void message.success(t(editing ? "agents.saved" : "agents.created"));
      onClose();
    } catch (error) {
      if (showFieldError(form, error, FIELDS)) return;
      if (error instanceof ApiError && error.code === "email_taken") form.setFields([{ name: "email", errors: [t("agents.emailTaken")] }]);
      else void message.error(t("agents.saveFailed"));
    }
  };

  return (
    <Modal
      open={open}
      title={t(editing ? "agents.editTitle" : "agents.createTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} name="agent" layout="vertical" requiredMark="optional">
        <Form.Item name="name" label={t("agents.name")} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t("agents.email")} rules={[{ required: !editing, type: "email" }]}>
          <Input autoComplete="off" disabled={editing} />
        </Form.Item>
        {!editing && (
          <Form.Item name="password" label={t("agents.password")} rules={[{ required: true, min: MIN_PASSWORD }]} extra={t("agents.passwordHint", { min: MIN_PASSWORD })}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t("agents.role")} rules={[{ required: true }]}>
          <Select options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
        <Form.Item name="team" label={t("agents.team")} rules={[{ required: true }]}>
          <Select options={TEAMS.map((team) => ({ value: team, label: t(`team.${team}`) }))} />
        </Form.Item>
        <Form.Item name="maxChats" label={t("agents.maxChats")} rules={[{ required: true }]} extra={t("agents.maxChatsHint")}>
          <InputNumber min={1} max={50} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
