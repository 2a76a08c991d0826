import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "../../i18n/LanguageSwitcher";
import { ApiError } from "../../platform/api";
import { askNotificationPermission } from "../../platform/notify";
import { login } from "../../platform/session";

interface Credentials {
  email: string;
  password: string;
}

export function loginErrorKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return "login.badCredentials";
    if (error.status === 429) return "login.throttled";
    if (error.status === 400) return "login.badInput";
    if (error.status === 0) return "common.networkError";
  }
  return "login.failed";
}

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);

  const submit = async ({ email, password }: Credentials) => {
    askNotificationPermission(); // a click is the one moment browsers allow the prompt
    setSubmitting(true);
    setErrorKey(null);
    try {
      await login(queryClient, email.trim(), password);
    } catch (error) {
      setErrorKey(loginErrorKey(error));
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: "100%", padding: 16, background: "linear-gradient(160deg, #14213d 0%, #1f6feb 100%)" }}
    >
      <Card style={{ width: "100%", maxWidth: 380 }}>
        <Flex justify="flex-end" style={{ marginBottom: 4 }}>
          <LanguageSwitcher size="small" />
        </Flex>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t("app.name")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
        {errorKey && <Alert type="error" showIcon title={t(errorKey)} style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
          <Form.Item
            name="email"
            label={t("login.email")}
            rules={[{ required: true, message: t("login.emailRequired") }]}
          >
            <Input data-testid="login-email" prefix={<MailOutlined />} autoComplete="username" inputMode="email" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
            <Input.Password data-testid="login-password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
