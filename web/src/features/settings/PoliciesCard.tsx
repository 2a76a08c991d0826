// The shop's service policies (SPEC §8, §11): free shipping on request, the return window,
// reply targets, the bargaining concession pattern and which etiquette rules are on.
import { App, Button, Card, Checkbox, Flex, Form, InputNumber, Radio, Select, Space, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import type { ShopDetail } from "../../platform/types";
import { CONCESSION_PATTERNS, FREE_SHIPPING_ON_REQUEST, LINT_RULES, formFieldOf, policiesFormValues, policiesPatch, type PoliciesFormValues } from "./policies";
import { useUpdateShop } from "./settings-api";

export function PoliciesCard({ shop }: { shop: ShopDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PoliciesFormValues>();
  const update = useUpdateShop(shop.id);
  useEffect(() => form.setFieldsValue(policiesFormValues(shop)), [form, shop]);

  const save = async (values: PoliciesFormValues) => {
    try {
      await update.mutateAsync(policiesPatch(values));
      void message.success(t("settings.saved"));
    } catch (error) {
      const name = error instanceof ApiError && error.field ? formFieldOf(error.field) : null;
      if (name) form.setFields([{ name: name as never, errors: [(error as ApiError).message] }]);
      void message.error(t("settings.saveFailed"));
    }
  };

  return (
    <Card title={t("policies.title")} style={{ maxWidth: 720, marginTop: 16 }} data-testid="policies-card">
      <Form<PoliciesFormValues> form={form} layout="vertical" initialValues={policiesFormValues(shop)} onFinish={(values) => void save(values)}>
        <Form.Item name="freeShippingOnRequest" label={t("policies.freeShipping")} tooltip={t("policies.freeShippingHint")}>
          <Radio.Group data-testid="policy-free-shipping">
            <Flex vertical gap={4}>
              {FREE_SHIPPING_ON_REQUEST.map((value) => (
                <Radio key={value} value={value}>
                  {t(`policies.freeShippingOption.${value}`)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Space wrap size={16} style={{ width: "100%" }}>
          <Form.Item name="returnWindowDays" label={t("policies.returnWindow")} tooltip={t("policies.returnWindowHint")}>
            <InputNumber min={1} max={90} suffix={t("policies.days")} style={{ width: 140 }} data-testid="policy-return-days" />
          </Form.Item>
          <Form.Item name="maxReplySeconds" label={t("policies.maxReply")} tooltip={t("policies.maxReplyHint")}>
            <InputNumber min={30} max={3600} step={30} suffix={t("settings.seconds")} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="promisedReplySeconds" label={t("policies.promisedReply")} tooltip={t("policies.promisedReplyHint")}>
            <InputNumber min={10} max={3600} step={5} placeholder={t("policies.noPromise")} suffix={t("settings.seconds")} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="concessionPattern" label={t("policies.concession")} extra={t("policies.concessionHint")}>
          <Select
            style={{ maxWidth: 420 }}
            options={CONCESSION_PATTERNS.map((p) => ({ value: p, label: t(`policies.concessionOption.${p}`) }))}
            data-testid="policy-concession"
          />
        </Form.Item>
        <Form.Item name="lintRules" label={t("policies.lintRules")} extra={t("policies.lintRulesHint")}>
          <Checkbox.Group data-testid="policy-lint-rules" options={LINT_RULES.map((rule) => ({ value: rule, label: t(`assistant.lint.${rule}`) }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("policies.firstReplyNote")}
        </Typography.Paragraph>
        <Button data-testid="policies-save" type="primary" htmlType="submit" loading={update.isPending}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
