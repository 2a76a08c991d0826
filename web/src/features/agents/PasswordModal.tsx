import { App, Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Agent } from "../../platform/types";
import { MIN_PASSWORD } from "./AgentFormModal";
import { showFieldError, useAgentMutations } from "./agents-api";

export function PasswordModal({ agent, onClose }: { agent: Agent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { resetPassword } = useAgentMutations();

  useEffect(() => {
    if (agent) form.resetFields();
  }, [agent, form]);

  const submit = async () => {
    if (!agent) return;
    const { password } = await form.validateFields();
    try {
      await resetPassword.mutateAsync({ id: agent.id, password });
      void message.success(t("agents.passwordReset"));
      onClose();
    } catch (error) {
      if (!showFieldError(form, error, ["password"])) void message.error(t("agents.saveFailed"));
    }
  };

  return (
    <Modal
      open={agent !== null}
      title={t("agents.resetPasswordTitle", { name: agent?.name ?? "" })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={resetPassword.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} name="agentPassword" layout="vertical">
        <Form.Item name="password" label={t("agents.newPassword")} rules={[{ required: true, min: MIN_PASSWORD }]} extra={t("agents.passwordHint", { min: MIN_PASSWORD })}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("agents.confirmPassword")}
          dependencies={["password"]}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                value === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error(t("agents.passwordMismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
