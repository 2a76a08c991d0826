// The shop's 催付 rules (owners): the automatic sequence on or off, when the two reminders
// come, quiet hours in shop time; and the shop's own wording of each template.
import { App, Button, Card, Divider, Flex, Form, Input, InputNumber, Space, Switch, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import type { ShopDetail } from "../../platform/types";
import { useReminderSettings, useSaveTemplate, type ReminderRules, type ReminderSettings } from "../unpaid-reminders/unpaid-reminders-api";
import { HHMM, useUpdateShop } from "./settings-api";

interface RulesForm {
  enabled: boolean;
  firstAfterMinutes: number;
  secondAfterMinutes: number;
  quietStart: string;
  quietEnd: string;
}

const formOf = (rules: ReminderRules): RulesForm => ({
  enabled: rules.enabled,
  firstAfterMinutes: rules.firstAfterMinutes,
  secondAfterMinutes: rules.secondAfterMinutes,
  quietStart: rules.quietHours.start,
  quietEnd: rules.quietHours.end,
});

function TemplateEditor({ shopId, template, variables }: { shopId: string; template: ReminderSettings["templates"][number]; variables: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveTemplate(shopId);
  const [text, setText] = useState(template.text);
  useEffect(() => setText(template.text), [template.text]);
  const unknown = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !variables.includes(name));

  const run = async (value: string | null) => {
    try {
      await save.mutateAsync({ key: template.key, text: value });
      void message.success(t("settings.saved"));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t("settings.saveFailed"));
    }
  };

  return (
    <Flex vertical gap={4} data-testid={`reminder-template-edit-${template.key}`}>
      <Flex gap={6} align="center">
        <Typography.Text strong>{t(`unpaidReminders.template.${template.key}`, { defaultValue: template.key })}</Typography.Text>
        {template.custom && <Tag>{t("unpaidReminders.custom")}</Tag>}
      </Flex>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} />
      {unknown.length > 0 && <Typography.Text type="danger">{t("unpaidReminders.unknownVariables", { names: unknown.map((n) => `{${n}}`).join(" ") })}</Typography.Text>}
      <Space>
        <Button size="small" type="primary" disabled={!text.trim() || unknown.length > 0 || text === template.text} loading={save.isPending} onClick={() => void run(text.trim())}>
          {t("common.save")}
        </Button>
        {template.custom && (
          <Button size="small" onClick={() => void run(null)}>
            {t("unpaidReminders.resetTemplate")}
          </Button>
        )}
      </Space>
    </Flex>
  );
}

export function UnpaidRemindersCard({ shop }: { shop: ShopDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useReminderSettings(shop.id);
  const update = useUpdateShop(shop.id);
  const [form] = Form.useForm<RulesForm>();
  const rules = settings.data?.rules;
  useEffect(() => {
    if (rules) form.setFieldsValue(formOf(rules));
  }, [form, rules]);

  const save = async (values: RulesForm) => {
    try {
      await update.mutateAsync({
        settings: {
          unpaidReminders: {
            enabled: values.enabled,
            firstAfterMinutes: values.firstAfterMinutes,
            secondAfterMinutes: values.secondAfterMinutes,
            quietHours: { start: values.quietStart, end: values.quietEnd },
          },
        },
      });
      await settings.refetch();
      void message.success(t("settings.saved"));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t("settings.saveFailed"));
    }
  };

  return (
    <Card title={t("unpaidReminders.settingsTitle")} style={{ maxWidth: 720, marginTop: 16 }} loading={settings.isLoading} data-testid="reminder-settings-card">
      {settings.data && (
        <>
          <Typography.Paragraph type="secondary">{t("unpaidReminders.settingsHint", { max: settings.data.maxReminders })}</Typography.Paragraph>
          <Form<RulesForm> form={form} layout="vertical" initialValues={formOf(settings.data.rules)} onFinish={(values) => void save(values)}>
            <Form.Item name="enabled" label={t("unpaidReminders.enabled")} valuePropName="checked">
              <Switch data-testid="reminder-enabled" />
            </Form.Item>
            <Space wrap size={16}>
              <Form.Item name="firstAfterMinutes" label={t("unpaidReminders.firstAfter")} tooltip={t("unpaidReminders.firstAfterHint")} rules={[{ required: true }]}>
                <InputNumber min={5} max={72 * 60} suffix={t("unpaidReminders.minutes")} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="secondAfterMinutes" label={t("unpaidReminders.secondAfter")} tooltip={t("unpaidReminders.secondAfterHint")} rules={[{ required: true }]}>
                <InputNumber min={10} max={7 * 24 * 60} suffix={t("unpaidReminders.minutes")} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="quietStart" label={t("unpaidReminders.quietStart")} rules={[{ required: true, pattern: HHMM, message: t("settings.timeFormat") }]}>
                <Input maxLength={5} style={{ width: 100 }} placeholder="22:00" />
              </Form.Item>
              <Form.Item name="quietEnd" label={t("unpaidReminders.quietEnd")} rules={[{ required: true, pattern: HHMM, message: t("settings.timeFormat") }]}>
                <Input maxLength={5} style={{ width: 100 }} placeholder="09:00" />
              </Form.Item>
            </Space>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t("unpaidReminders.quietHoursHint", { zone: settings.data.timeZone })}
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="reminder-settings-save">
              {t("common.save")}
            </Button>
          </Form>
          <Divider />
          <Typography.Title level={5}>{t("unpaidReminders.templatesTitle")}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t("unpaidReminders.templatesHint", { variables: settings.data.variables.map((v) => `{${v}}`).join(" ") })}
          </Typography.Paragraph>
          <Flex vertical gap={16}>
            {settings.data.templates.map((tpl) => (
              <TemplateEditor key={tpl.key} shopId={shop.id} template={tpl} variables={settings.data!.variables} />
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
