// The catalog page (#/catalog): the shop's products with Chinese-aware search, a category
// filter and on-sale/archived, real stock beside the stock the shop page shows (seed 000:
// they differ; agents promise from the real one), CSV import and export. #/catalog/<id>
// opens a product, #/catalog/new a new one. Every agent may look; owners and supervisors
// (products.manage) change, import and archive.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Dropdown, Flex, Input, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { PageProps } from "../../app/pages";
import { navigate } from "../../app/route";
import { useAbility, useSession } from "../../platform/session";
import { downloadText } from "../quick-replies/quick-replies-api";
import { formatYuan } from "../workbench/format";
import { CATALOG_ABILITY, exportCatalog, useCatalogList, useCategories, type ArchivedFilter, type CatalogProduct } from "./catalog-api";
import { ImportDialog } from "./ImportDialog";
import { ProductEditor } from "./ProductEditor";

const PAGE_SIZE = 50;
/** The shop last chosen on the list, for a new product opened from it. */
let chosenShop: string | null = null;

export function CatalogPage({ section }: PageProps) {
  const me = useSession();
  const shopId = (chosenShop && me.shops.some((s) => s.id === chosenShop) ? chosenShop : me.shops[0]?.id) ?? null;
  if (section) return <ProductEditor key={section} productId={section === "new" ? null : section} shopId={shopId} />;
  return <CatalogList initialShop={shopId} />;
}

function CatalogList({ initialShop }: { initialShop: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = useAbility(CATALOG_ABILITY.manage);
  const [shopId, setShopId] = useState(initialShop);
  const [q, setQ] = useState("");
  const [category, setCategory] = useState<string | null>(null);
  const [archived, setArchived] = useState<ArchivedFilter>("exclude");
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const list = useCatalogList(shopId, { q, category, archived, page, pageSize: PAGE_SIZE });
  const categories = useCategories(shopId);

  if (!shopId) return <Alert type="info" showIcon title={t("catalog.page.noShop")} style={{ margin: 24 }} />;
  const chooseShop = (id: string) => {
    chosenShop = id;
    setShopId(id);
    setPage(1);
  };
  const doExport = async (headers: "en" | "zh") => {
    try {
      downloadText("products.csv", await exportCatalog(shopId, headers));
    } catch {
      void message.error(t("catalog.page.exportFailed"));
    }
  };

  const columns: TableColumnsType<CatalogProduct> = [
    {
      title: t("catalog.page.product"),
      key: "product",
      render: (_v, p) => (
        <Flex gap={8} align="center">
          {p.imageUrl ? (
            <img src={p.imageUrl} alt="" width={40} height={40} style={{ objectFit: "cover", borderRadius: 4, flex: "none" }} />
          ) : (
            <div style={{ width: 40, height: 40, borderRadius: 4, background: "#f0f1f2", flex: "none" }} />
          )}
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis data-testid="catalog-title">
              {p.title}
            </Typography.Text>
            <Space size={4}>
              {p.externalId && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.externalId}
                </Typography.Text>
              )}
              {p.archived && <Tag>{t("catalog.page.archivedTag")}</Tag>}
            </Space>
          </Flex>
        </Flex>
      ),
    },
    { title: t("catalog.page.category"), dataIndex: "category", width: 100 },
    {
      title: t("catalog.page.price"),
      key: "price",
      width: 150,
      render: (_v, p) => (
        <Flex vertical>
          <Space size={4}>
            <Typography.Text type="danger">{formatYuan(p.promoPriceCents ?? p.priceCents)}</Typography.Text>
            {p.promoPriceCents !== null && (
              <Typography.Text delete type="secondary" style={{ fontSize: 12 }}>
                {formatYuan(p.priceCents)}
              </Typography.Text>
            )}
          </Space>
          {p.floorPriceCents !== null && <Typography.Text style={{ fontSize: 12 }}>{t("catalog.floor", { price: formatYuan(p.floorPriceCents) })}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t("catalog.page.realStock"),
      key: "real",
      width: 120,
      render: (_v, p) => (
        <Flex vertical>
          <Typography.Text strong data-testid="catalog-real-stock">
            {p.stock.real}
          </Typography.Text>
          {p.stock.soldOut > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t("catalog.page.soldOutCount", { count: p.stock.soldOut })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("catalog.page.displayedStock"),
      key: "displayed",
      width: 100,
      render: (_v, p) => <Typography.Text type="secondary">{p.stock.displayed ?? t("common.none")}</Typography.Text>,
    },
    { title: "SKU", key: "skus", width: 90, render: (_v, p) => t("catalog.page.skuCount", { count: p.stock.skus }) },
  ];

  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="catalog-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("catalog.page.title")}
        </Typography.Title>
        <Space wrap>
          {me.shops.length > 1 && <Select value={shopId} style={{ minWidth: 160 }} onChange={chooseShop} options={me.shops.map((s) => ({ value: s.id, label: s.name }))} aria-label={t("settings.shop")} />}
          <Dropdown
            menu={{
              items: [
                { key: "en", label: t("catalog.page.export") },
                { key: "zh", label: t("catalog.page.exportZh") },
              ],
              onClick: ({ key }) => void doExport(key as "en" | "zh"),
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="catalog-export">
              {t("catalog.page.export")}
            </Button>
          </Dropdown>
          {canManage && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="catalog-import">
                {t("catalog.page.import")}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate({ page: "catalog", section: "new" })} data-testid="catalog-new">
                {t("catalog.page.create")}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {!canManage && <Alert type="info" showIcon title={t("catalog.page.readOnly")} style={{ marginBottom: 12 }} />}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("catalog.page.search")}
          style={{ maxWidth: 420, flex: "1 1 260px" }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          data-testid="catalog-search"
        />
        <Select
          allowClear
          placeholder={t("catalog.page.allCategories")}
          style={{ minWidth: 140 }}
          value={category}
          onChange={(value: string | undefined) => {
            setCategory(value ?? null);
            setPage(1);
          }}
          options={(categories.data ?? []).map((c) => ({ value: c.category, label: `${c.category} (${c.count})` }))}
          data-testid="catalog-category"
        />
        <Segmented<ArchivedFilter>
          value={archived}
          onChange={(value) => {
            setArchived(value);
            setPage(1);
          }}
          options={[
            { value: "exclude", label: t("catalog.page.onSale") },
            { value: "only", label: t("catalog.page.archived") },
            { value: "include", label: t("catalog.page.all") },
          ]}
        />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={t("catalog.page.loadFailed")} style={{ marginBottom: 12 }} />}
      <Table<CatalogProduct>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 720 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (count) => t("catalog.page.total", { count }) }}
        onRow={(p) =>
          ({
            "data-testid": "catalog-row",
            style: { cursor: "pointer" },
            onClick: () => navigate({ page: "catalog", section: p.id }),
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: t("catalog.page.empty") }}
      />
      {canManage && <ImportDialog open={importing} shopId={shopId} onClose={() => setImporting(false)} />}
    </div>
  );
}
