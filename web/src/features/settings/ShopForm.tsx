import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import type { ShopDetail } from "../../platform/types";
import { AUTO_REPLIES, HHMM, PLATFORMS, formValuesOf, shopPatch, useUpdateShop, type ShopFormValues } from "./settings-api";

const CURRENCIES = ["CNY", "HKD", "TWD", "USD", "KRW", "JPY", "EUR"];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Seoul", "Asia/Tokyo", "UTC"];
  }
}

/** One shop's profile and service settings ("profile"), or its auto-replies ("replies"). */
export function ShopForm({ shop, part }: { shop: ShopDetail; part: "profile" | "replies" }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShopFormValues>();
  const update = useUpdateShop(shop.id);
  const zones = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone })), []);
  useEffect(() => form.setFieldsValue(formValuesOf(shop)), [form, shop]);

  const save = async (values: ShopFormValues) => {
    try {
      await update.mutateAsync(shopPatch(values));
      void message.success(t("settings.saved"));
    } catch (error) {
      // The server names the offending field by its path in the body, settings first.
      if (error instanceof ApiError && error.field) {
        const path = error.field.replace(/^settings\./, "").split(".");
        form.setFields([{ name: path as never, errors: [error.message] }]);
      }
      void message.error(t("settings.saveFailed"));
    }
  };

  return (
    <Card title={t(part === "profile" ? "settings.shopTitle" : "settings.repliesTitle")} style={{ maxWidth: 720 }}>
      <Form<ShopFormValues> form={form} layout="vertical" initialValues={formValuesOf(shop)} onFinish={(values) => void save(values)}>
        {part === "profile" ? (
          <>
            <Form.Item name="name" label={t("settings.name")} rules={[{ required: true, whitespace: true, message: t("settings.nameRequired") }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Space wrap size={16} style={{ width: "100%" }}>
              <Form.Item name="platform" label={t("settings.platform")} style={{ minWidth: 180 }}>
                <Select options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} />
              </Form.Item>
              <Form.Item name="timezone" label={t("settings.timezone")} style={{ minWidth: 220 }}>
                <Select showSearch options={zones} />
              </Form.Item>
              <Form.Item name="currency" label={t("settings.currency")} style={{ minWidth: 120 }}>
                <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Space>
            <Typography.Title level={5}>{t("settings.service")}</Typography.Title>
            <Space wrap size={16} style={{ width: "100%" }}>
              <Form.Item
                name="shippingCutoff"
                label={t("settings.shippingCutoff")}
                tooltip={t("settings.shippingCutoffHint")}
                rules={[{ pattern: HHMM, message: t("settings.timeFormat") }]}
              >
                <Input placeholder="16:00" style={{ width: 120 }} maxLength={5} />
              </Form.Item>
              <Form.Item name="defaultCourier" label={t("settings.defaultCourier")}>
                <Input maxLength={50} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="responseTargetSeconds" label={t("settings.responseTarget")} tooltip={t("settings.responseTargetHint")}>
                <InputNumber min={10} max={3600} step={5} placeholder="60" suffix={t("settings.seconds")} style={{ width: 160 }} />
              </Form.Item>
            </Space>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t("settings.repliesHint", { variable: "{shop}" })}</Typography.Paragraph>
            {AUTO_REPLIES.map((key) => (
              <Form.Item key={key} name={["autoReplies", key]} label={t(`settings.autoReply.${key}`)} extra={t(`settings.autoReplyHint.${key}`)}>
                <Input.TextArea data-testid={`auto-reply-${key}`} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
              </Form.Item>
            ))}
          </>
        )}
        <Button data-testid="settings-save" type="primary" htmlType="submit" loading={update.isPending}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
