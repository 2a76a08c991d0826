// One product (#/catalog/<id>, or #/catalog/new): its fields, picture and knowledge, and
// its colour × size stock. Owners and supervisors save; everyone else reads the same form
// disabled. Prices are typed in yuan and sent in fen; the floor price field is there only
// for roles that see floor prices. Server errors point at the field they name.
import { ArrowLeftOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, AutoComplete, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Select, Spin, Tag, Typography } from "antd";
import { useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { ApiError } from "../../platform/api";
import { useAbility } from "../../platform/session";
import { CATALOG_ABILITY, uploadPicture, useCatalogMutations, useCatalogProduct, useCategories, type CatalogProduct, type ProductDraft } from "./catalog-api";
import { cellKey, centsToYuan, formToKnowledge, knowledgeToForm, newSkus, yuanToCents, type KnowledgeForm } from "./catalog-form";
import { KnowledgeFields } from "./KnowledgeFields";
import { StockGridEditor } from "./StockGridEditor";

interface FormValues {
  externalId: string;
  title: string;
  category: string;
  price: string;
  promoPrice: string;
  floorPrice: string;
  imageUrl: string;
  knowledge: KnowledgeForm;
  colors: string[];
  sizes: string[];
  stock: Record<string, number | null>;
}

/** API field → form field. */
const FIELD: Record<string, (string | number)[]> = {
  externalId: ["externalId"],
  title: ["title"],
  category: ["category"],
  priceCents: ["price"],
  promoPriceCents: ["promoPrice"],
  floorPriceCents: ["floorPrice"],
  imageUrl: ["imageUrl"],
};

function initialValues(p: CatalogProduct | null): FormValues {
  return {
    externalId: p?.externalId ?? "",
    title: p?.title ?? "",
    category: p?.category ?? "",
    price: centsToYuan(p?.priceCents),
    promoPrice: centsToYuan(p?.promoPriceCents),
    floorPrice: centsToYuan(p?.floorPriceCents),
    imageUrl: p?.imageUrl ?? "",
    knowledge: knowledgeToForm(p?.knowledge ?? {}),
    colors: [],
    sizes: [],
    stock: {},
  };
}

export function ProductEditor({ productId, shopId }: { productId: string | null; shopId: string | null }) {
  const { t } = useTranslation();
  const detail = useCatalogProduct(productId);
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate({ page: "catalog", section: null })} style={{ paddingInline: 0 }} data-testid="catalog-back">
      {t("catalog.edit.back")}
    </Button>
  );
  const wrap = (body: ReactNode) => (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="product-editor">
      {back}
      {body}
    </div>
  );
  if (productId === null) return wrap(shopId ? <ProductForm product={null} shopId={shopId} /> : null);
  if (detail.isError) return wrap(<Alert type="error" showIcon title={t("catalog.edit.loadFailed")} />);
  if (!detail.data) return wrap(<Spin style={{ display: "block", margin: 32 }} />);
  return wrap(
    <>
      <ProductForm key={detail.data.product.updatedAt} product={detail.data.product} shopId={detail.data.product.shopId} />
      <StockGridEditor product={detail.data.product} skus={detail.data.skus} />
    </>,
  );
}

function ProductForm({ product, shopId }: { product: CatalogProduct | null; shopId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useAbility(CATALOG_ABILITY.manage);
  const seesFloor = useAbility(CATALOG_ABILITY.viewFloorPrice);
  const [form] = Form.useForm<FormValues>();
  const { create, update } = useCatalogMutations();
  const categories = useCategories(shopId);
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const imageUrl = Form.useWatch("imageUrl", form);
  const colors = Form.useWatch("colors", form) ?? [];
  const sizes = Form.useWatch("sizes", form) ?? [];

  const money = (required: boolean) => ({
    validator: (_: unknown, value: string) => {
      const cents = yuanToCents(value);
      if (cents === null) return required ? Promise.reject(new Error(t("catalog.edit.required"))) : Promise.resolve();
      return Number.isNaN(cents) ? Promise.reject(new Error(t("catalog.edit.badMoney"))) : Promise.resolve();
    },
  });

  const showError = (error: unknown) => {
    if (error instanceof ApiError && error.field) {
      const name = FIELD[error.field] ?? (error.field.startsWith("knowledge.") ? ["knowledge", ...error.field.split(".").slice(1)] : null);
      const text = t(`catalog.error.${error.code}`, { defaultValue: error.message });
      if (name) return form.setFields([{ name: name as never, errors: [text] }]);
      return void message.error(text);
    }
    void message.error(t("catalog.edit.saveFailed"));
  };

  const save = async (values: FormValues) => {
    const draft: ProductDraft = {
      externalId: values.externalId.trim() || null,
      title: values.title,
      category: values.category,
      priceCents: yuanToCents(values.price)!,
      promoPriceCents: yuanToCents(values.promoPrice),
      ...(seesFloor && { floorPriceCents: yuanToCents(values.floorPrice) }),
      imageUrl: values.imageUrl.trim() || null,
      knowledge: formToKnowledge(values.knowledge),
    };
    try {
      if (product) {
        await update.mutateAsync({ id: product.id, patch: draft });
        void message.success(t("catalog.edit.saved"));
      } else {
        const made = await create.mutateAsync({ ...draft, shopId, skus: newSkus(values.colors, values.sizes, values.stock) });
        void message.success(t("catalog.edit.saved"));
        navigate({ page: "catalog", section: made.product.id });
      }
    } catch (error) {
      showError(error);
    }
  };

  const upload = async (file: File) => {
    setUploading(true);
    try {
      form.setFieldValue("imageUrl", await uploadPicture(shopId, file));
    } catch {
      void message.error(t("catalog.edit.uploadFailed"));
    } finally {
      setUploading(false);
    }
  };

  const setArchived = async (archived: boolean) => {
    try {
      await update.mutateAsync({ id: product!.id, patch: { archived } });
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" disabled={!canManage} onFinish={(v) => void save(v)} initialValues={initialValues(product)} style={{ maxWidth: 900 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: "8px 0 12px" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {product ? product.title : t("catalog.edit.newTitle")} {product?.archived && <Tag>{t("catalog.page.archivedTag")}</Tag>}
        </Typography.Title>
        {canManage && (
          <Flex gap={8}>
            {product &&
              (product.archived ? (
                <Button onClick={() => void setArchived(false)} data-testid="product-unarchive">
                  {t("catalog.edit.unarchive")}
                </Button>
              ) : (
                <Popconfirm title={t("catalog.edit.archiveConfirm")} onConfirm={() => void setArchived(true)} okText={t("catalog.edit.archive")} cancelText={t("common.cancel")}>
                  <Button danger data-testid="product-archive">
                    {t("catalog.edit.archive")}
                  </Button>
                </Popconfirm>
              ))}
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="product-save">
              {t("catalog.edit.save")}
            </Button>
          </Flex>
        )}
      </Flex>
      <Card size="small" title={t("catalog.edit.basic")} style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap>
          <Form.Item name="title" label={t("catalog.edit.title")} rules={[{ required: true, whitespace: true, message: t("catalog.edit.required") }]} style={{ flex: "2 1 320px" }}>
            <Input maxLength={200} data-testid="edit-title" />
          </Form.Item>
          <Form.Item name="category" label={t("catalog.edit.category")} rules={[{ required: true, whitespace: true, message: t("catalog.edit.required") }]} style={{ flex: "1 1 160px" }}>
            <AutoComplete options={(categories.data ?? []).map((c) => ({ value: c.category }))} maxLength={50} data-testid="edit-category" />
          </Form.Item>
          <Form.Item name="externalId" label={t("catalog.edit.externalId")} style={{ flex: "1 1 200px" }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="price" label={t("catalog.edit.price")} rules={[money(true)]} style={{ flex: "1 1 140px" }}>
            <Input prefix="¥" inputMode="decimal" data-testid="edit-price" />
          </Form.Item>
          <Form.Item name="promoPrice" label={t("catalog.edit.promoPrice")} rules={[money(false)]} style={{ flex: "1 1 140px" }}>
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          {seesFloor && (
            <Form.Item name="floorPrice" label={t("catalog.edit.floorPrice")} rules={[money(false)]} style={{ flex: "1 1 180px" }}>
              <Input prefix="¥" inputMode="decimal" data-testid="edit-floor" />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={12} align="end" wrap>
          {imageUrl && <img src={imageUrl} alt="" width={64} height={64} style={{ objectFit: "cover", borderRadius: 6, marginBottom: 24 }} />}
          <Form.Item name="imageUrl" label={t("catalog.edit.image")} style={{ flex: "1 1 320px" }}>
            <Input placeholder={t("catalog.edit.imageUrl")} maxLength={2000} />
          </Form.Item>
          {canManage && (
            <Form.Item>
              <Button icon={<UploadOutlined />} loading={uploading} onClick={() => fileInput.current?.click()}>
                {t("catalog.edit.upload")}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp"
                style={{ display: "none" }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void upload(file);
                  e.target.value = "";
                }}
              />
            </Form.Item>
          )}
        </Flex>
      </Card>
      {!product && (
        <Card size="small" title={t("catalog.edit.skus")} style={{ marginBottom: 12 }}>
          <Flex gap={12} wrap>
            <Form.Item name="colors" label={t("catalog.edit.colors")} style={{ flex: "1 1 240px" }}>
              <Select mode="tags" tokenSeparators={[",", "，", " "]} placeholder={t("catalog.edit.colorsHint")} open={false} suffixIcon={null} data-testid="edit-colors" />
            </Form.Item>
            <Form.Item name="sizes" label={t("catalog.edit.sizes")} style={{ flex: "1 1 240px" }}>
              <Select mode="tags" tokenSeparators={[",", "，", " "]} placeholder={t("catalog.edit.sizesHint")} open={false} suffixIcon={null} data-testid="edit-sizes" />
            </Form.Item>
          </Flex>
          <Flex vertical gap={6}>
            {(colors.length > 0 ? colors : [null]).map((color) => (
              <Flex key={color ?? "—"} gap={8} align="center" wrap>
                <Typography.Text style={{ width: 80 }}>{color ?? t("common.none")}</Typography.Text>
                {(sizes.length > 0 ? sizes : [null]).map((size) => (
                  <Form.Item key={size ?? "—"} name={["stock", cellKey(color, size)]} noStyle>
                    <InputNumber min={0} max={1_000_000} precision={0} size="small" placeholder={`${size ?? ""} ${t("catalog.edit.stock")}`} style={{ width: 110 }} />
                  </Form.Item>
                ))}
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
      <Card size="small" title={t("catalog.edit.knowledge")} style={{ marginBottom: 12 }}>
        <KnowledgeFields />
      </Card>
    </Form>
  );
}
