// The colour × size stock grid of one product: real stock (the warehouse) and the stock the
// shop page shows, side by side in each cell (seed 000: they differ). Owners and
// supervisors type new figures and save them together; each change carries the figure it
// was typed over, so if an order took pieces meanwhile the server refuses (409) and the
// grid reloads the latest figures instead of overwriting them. SKUs are added here and
// taken off sale (never deleted: orders name them).
import { PlusOutlined, StopOutlined, UndoOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, InputNumber, Table, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useAbility } from "../../platform/session";
import { CATALOG_ABILITY, useCatalogMutations, type CatalogProduct, type CatalogSku } from "./catalog-api";
import { buildGrid, stockChanges } from "./catalog-form";

type Edits = Record<string, { stock?: number; displayedStock?: number | null }>;

export function StockGridEditor({ product, skus }: { product: CatalogProduct; skus: CatalogSku[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useAbility(CATALOG_ABILITY.manage);
  const { setStock, addSku, updateSku } = useCatalogMutations();
  const [edits, setEdits] = useState<Edits>({});
  const [newColor, setNewColor] = useState("");
  const [newSize, setNewSize] = useState("");
  const grid = useMemo(() => {
    const g = buildGrid(skus);
    for (const [key, edit] of Object.entries(edits)) {
      const cell = g.cells.get(key);
      if (cell) Object.assign(cell, edit);
    }
    return g;
  }, [skus, edits]);
  const changes = stockChanges(grid);

  const edit = (key: string, patch: Edits[string]) => setEdits((all) => ({ ...all, [key]: { ...all[key], ...patch } }));

  const save = async () => {
    try {
      await setStock.mutateAsync({ id: product.id, items: changes });
      setEdits({});
      void message.success(t("catalog.grid.saved"));
    } catch (error) {
      if (error instanceof ApiError && error.code === "stock_changed") {
        // The grid shows the latest figures (refetched); the agent checks them and types again.
        setEdits({});
        void message.warning(t("catalog.grid.changed"));
      } else void message.error(error instanceof ApiError ? t(`catalog.error.${error.code}`, { defaultValue: error.message }) : t("catalog.edit.saveFailed"));
    }
  };

  const add = async (color: string | null, size: string | null) => {
    try {
      await addSku.mutateAsync({ id: product.id, sku: { color, size, stock: 0, displayedStock: null } });
      setNewColor("");
      setNewSize("");
    } catch (error) {
      void message.error(error instanceof ApiError ? t(`catalog.error.${error.code}`, { defaultValue: error.message }) : t("catalog.edit.saveFailed"));
    }
  };

  const cell = (color: string, size: string) => {
    const key = `${color}\n${size}`;
    const found = grid.cells.get(key);
    if (!found) {
      return canManage ? (
        <Button size="small" type="dashed" icon={<PlusOutlined />} aria-label={t("catalog.grid.addSku")} onClick={() => void add(color === "—" ? null : color, size === "—" ? null : size)} />
      ) : (
        t("common.none")
      );
    }
    const { sku } = found;
    if (sku.archived) {
      return (
        <Flex vertical align="center" gap={2}>
          <Typography.Text type="secondary" delete>
            {sku.stock}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {t("catalog.grid.archivedSku")}
          </Typography.Text>
          {canManage && (
            <Button size="small" type="link" icon={<UndoOutlined />} onClick={() => updateSku.mutate({ id: product.id, skuId: sku.id, patch: { archived: false } })}>
              {t("catalog.grid.restoreSku")}
            </Button>
          )}
        </Flex>
      );
    }
    const stock = found.stock ?? sku.stock;
    return (
      <Flex vertical gap={2} align="center" data-testid="stock-cell" data-color={sku.color ?? ""} data-size={sku.size ?? ""}>
        {canManage ? (
          <>
            <InputNumber size="small" min={0} max={1_000_000} precision={0} value={stock} onChange={(v) => edit(key, { stock: v ?? 0 })} style={{ width: 84 }} aria-label={t("catalog.grid.real")} data-testid="stock-real" status={stock === 0 ? "error" : undefined} />
            <InputNumber
              size="small"
              min={0}
              max={1_000_000}
              precision={0}
              value={found.displayedStock !== undefined ? found.displayedStock : sku.displayedStock}
              onChange={(v) => edit(key, { displayedStock: v })}
              style={{ width: 84 }}
              aria-label={t("catalog.grid.displayed")}
              prefix={<Typography.Text type="secondary" style={{ fontSize: 11 }}>{t("catalog.grid.displayed")}</Typography.Text>}
              data-testid="stock-displayed"
            />
            <Tooltip title={t("catalog.grid.archiveSku")}>
              <Button size="small" type="text" icon={<StopOutlined />} aria-label={t("catalog.grid.archiveSku")} onClick={() => updateSku.mutate({ id: product.id, skuId: sku.id, patch: { archived: true } })} />
            </Tooltip>
          </>
        ) : (
          <>
            <Typography.Text strong type={sku.stock === 0 ? "danger" : undefined}>
              {sku.stock === 0 ? t("catalog.soldOut") : sku.stock}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t("catalog.grid.displayed")} {sku.displayedStock ?? t("common.none")}
            </Typography.Text>
          </>
        )}
      </Flex>
    );
  };

  return (
    <Card
      size="small"
      title={t("catalog.grid.title")}
      style={{ maxWidth: 900 }}
      extra={
        canManage && (
          <Button type="primary" size="small" disabled={changes.length === 0} loading={setStock.isPending} onClick={() => void save()} data-testid="stock-save">
            {changes.length > 0 ? `${t("catalog.grid.save")} · ${t("catalog.grid.unsaved", { count: changes.length })}` : t("catalog.grid.save")}
          </Button>
        )
      }
      data-testid="stock-grid"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("catalog.grid.hint")}
      </Typography.Paragraph>
      {skus.length === 0 ? (
        <Typography.Text type="secondary">{t("catalog.grid.noSkus")}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="color"
          scroll={{ x: "max-content" }}
          dataSource={grid.colors.map((color) => ({ color }))}
          columns={[
            { key: "color", title: t("catalog.color"), dataIndex: "color", fixed: "left" as const },
            ...grid.sizes.map((size) => ({ key: size, title: size, align: "center" as const, render: (_: unknown, row: { color: string }) => cell(row.color, size) })),
          ]}
        />
      )}
      {canManage && (
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          <Input size="small" placeholder={t("catalog.grid.addSkuColor")} value={newColor} onChange={(e) => setNewColor(e.target.value)} maxLength={30} style={{ width: 140 }} />
          <Input size="small" placeholder={t("catalog.grid.addSkuSize")} value={newSize} onChange={(e) => setNewSize(e.target.value)} maxLength={20} style={{ width: 100 }} />
          <Button size="small" icon={<PlusOutlined />} disabled={!newColor.trim() && !newSize.trim()} loading={addSku.isPending} onClick={() => void add(newColor.trim() || null, newSize.trim() || null)}>
            {t("catalog.grid.addSku")}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

