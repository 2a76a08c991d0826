// Adding or changing a promotion: its kind and terms in yuan, a window picked in the
// shop's time (the picker's wall-clock is read as the shop's, whatever zone the browser
// is in), and its scope.
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography, type ButtonProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useShopProducts } from "../assistant/product-api";
import { draftOf, formFieldOf, formValuesOf, type PromotionFormValues } from "./promotion-form";
import { PROMOTION_KINDS, usePromotionMutations, type Promotion } from "./promotions-api";

const LOCAL = "YYYY-MM-DDTHH:mm";

type Values = Omit<PromotionFormValues, "startsAt" | "endsAt"> & { window?: [Dayjs | null, Dayjs | null] | null };

interface Props {
  open: boolean;
  shopId: string;
  timeZone: string;
  /** null: a new promotion. */
  promotion: Promotion | null;
  onClose: () => void;
}

export function PromotionFormModal({ open, shopId, timeZone, promotion, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, update } = usePromotionMutations(shopId);
  const products = useShopProducts(shopId, open);
  const kind = Form.useWatch("kind", form);
  const scopeType = Form.useWatch("scopeType", form);
  const categories = useMemo(() => [...new Set((products.data?.items ?? []).map((p) => p.category))], [products.data]);

  useEffect(() => {
    if (!open) return;
    const { startsAt, endsAt, ...rest } = formValuesOf(promotion);
    form.resetFields();
    form.setFieldsValue({ ...rest, window: startsAt ? [dayjs(startsAt, LOCAL), endsAt ? dayjs(endsAt, LOCAL) : null] : null });
  }, [open, promotion, form]);

  const save = async (values: Values) => {
    const [start, end] = values.window ?? [null, null];
    const draft = draftOf({ ...values, startsAt: start?.format(LOCAL) ?? null, endsAt: end?.format(LOCAL) ?? null });
    try {
      if (promotion) await update.mutateAsync({ id: promotion.id, patch: draft });
      else await create.mutateAsync(draft);
      void message.success(t("promotions.saved"));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field) {
        const name = formFieldOf(error.field);
        if (name) form.setFields([{ name: name as never, errors: [error.message] }]);
      }
      void message.error(error instanceof ApiError ? error.message : t("promotions.saveFailed"));
    }
  };

  const yuan = (name: (string | number)[], label: string, min = 0.01) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t("promotions.required") }]} style={{ marginBottom: 8 }}>
      <InputNumber min={min} max={1_000_000} precision={2} prefix="¥" style={{ width: 140 }} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t(promotion ? "promotions.editTitle" : "promotions.createTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      okButtonProps={{ loading: create.isPending || update.isPending, "data-testid": "promotion-save" } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)} initialValues={formValuesOf(null)}>
        <Flex gap={16} wrap>
          <Form.Item name="kind" label={t("promotions.kind")} style={{ minWidth: 160 }}>
            <Select data-testid="promotion-kind" options={PROMOTION_KINDS.map((k) => ({ value: k, label: t(`promotions.kindName.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t("promotions.name")} rules={[{ required: true, whitespace: true, message: t("promotions.required") }]} style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={50} placeholder={t(`promotions.namePlaceholder.${kind ?? "full_reduction"}`)} data-testid="promotion-name" />
          </Form.Item>
        </Flex>

        {kind === "full_reduction" && (
          <Form.List name="tiers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={12} align="end">
                    {yuan([field.name, "threshold"], t("promotions.tierThreshold", { n: i + 1 }))}
                    {yuan([field.name, "amountOff"], t("promotions.amountOff"))}
                    {fields.length > 1 && <MinusCircleOutlined style={{ marginBottom: 18 }} onClick={() => remove(field.name)} aria-label={t("common.delete")} />}
                  </Flex>
                ))}
                {fields.length < 10 && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                    {t("promotions.addTier")}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        )}
        {kind === "coupon" && (
          <Flex gap={12}>
            {yuan(["threshold"], t("promotions.couponThreshold"), 0)}
            {yuan(["amountOff"], t("promotions.amountOff"))}
          </Flex>
        )}
        {kind === "free_shipping" && yuan(["threshold"], t("promotions.freeShippingThreshold"))}
        {kind === "gift" && (
          <Flex gap={12} wrap>
            <Form.Item name="minQuantity" label={t("promotions.minQuantity")} rules={[{ required: true, message: t("promotions.required") }]}>
              <InputNumber min={1} max={99} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="gift" label={t("promotions.gift")} rules={[{ required: true, whitespace: true, message: t("promotions.required") }]} style={{ flex: 1 }}>
              <Input maxLength={50} placeholder={t("promotions.giftPlaceholder")} data-testid="promotion-gift" />
            </Form.Item>
            <Form.Item name="giftQuantity" label={t("promotions.giftQuantity")}>
              <InputNumber min={1} max={99} style={{ width: 100 }} />
            </Form.Item>
          </Flex>
        )}

        <Form.Item
          name="window"
          label={t("promotions.window", { zone: timeZone })}
          extra={t("promotions.windowHint")}
          rules={[{ validator: (_r, value: Values["window"]) => (value?.[0] ? Promise.resolve() : Promise.reject(new Error(t("promotions.startRequired")))) }]}
        >
          <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" allowEmpty={[false, true]} data-testid="promotion-window" style={{ width: "100%" }} />
        </Form.Item>

        <Form.Item name="scopeType" label={t("promotions.scope")}>
          <Radio.Group>
            {(["shop", "category", "product"] as const).map((s) => (
              <Radio key={s} value={s}>
                {t(`promotions.scopeType.${s}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {scopeType === "category" && (
          <Form.Item name="categories" rules={[{ required: true, message: t("promotions.required") }]}>
            <Select mode="tags" placeholder={t("promotions.pickCategories")} options={categories.map((c) => ({ value: c, label: c }))} data-testid="promotion-categories" />
          </Form.Item>
        )}
        {scopeType === "product" && (
          <Form.Item name="productIds" rules={[{ required: true, message: t("promotions.required") }]}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              placeholder={t("promotions.pickProducts")}
              loading={products.isPending}
              options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
              data-testid="promotion-products"
            />
          </Form.Item>
        )}
        <Flex align="center" gap={8}>
          <Form.Item name="enabled" valuePropName="checked" noStyle>
            <Switch />
          </Form.Item>
          <Typography.Text>{t("promotions.enabled")}</Typography.Text>
        </Flex>
      </Form>
    </Modal>
  );
}
