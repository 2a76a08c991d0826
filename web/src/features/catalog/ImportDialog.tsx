// Importing products from a CSV in two steps: the server previews what each row creates
// or changes and lists every bad row (row number as the spreadsheet counts, column,
// problem in the agent's language); the owner fixes the file and chooses it again; once
// nothing is wrong, "import all" applies the whole file in one transaction.
import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Modal, Table, Tabs, Tag, Typography } from "antd";
import { useRef, useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { downloadText } from "../quick-replies/quick-replies-api";
import { applyImport, exportCatalog, previewImport, readCsvFile, type ImportError, type ImportPreview, type PreviewRow } from "./catalog-api";

const ACTION_COLOR: Record<string, string> = { create: "green", update: "blue", unchanged: "default" };
const KNOWN_COLUMNS = new Set(["product_id", "title", "category", "price", "promo_price", "floor_price", "image_url", "material", "size_chart", "care", "selling_points", "suits", "known_limits", "faq", "keywords", "sku_id", "color", "size", "stock", "displayed_stock"]);

export function ImportDialog({ open, shopId, onClose }: { open: boolean; shopId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<"checking" | "applying" | null>(null);

  const close = () => {
    setFile(null);
    setPreview(null);
    onClose();
  };

  const check = async (chosen: File) => {
    setBusy("checking");
    try {
      const csv = await readCsvFile(chosen);
      setFile({ name: chosen.name, csv });
      setPreview(await previewImport(shopId, csv));
    } catch {
      void message.error(t("catalog.import.applyFailed"));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy("applying");
    try {
      const result = await applyImport(shopId, file.csv);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ["products"] }), queryClient.invalidateQueries({ queryKey: ["product"] })]);
      void message.success(
        t("catalog.import.applied", { productsCreated: result.products.created, productsUpdated: result.products.updated, skusCreated: result.skus.created, skusUpdated: result.skus.updated }),
      );
      close();
    } catch {
      // The catalog may have changed since the preview: show what the file does now.
      void message.error(t("catalog.import.applyFailed"));
      setPreview(await previewImport(shopId, file.csv).catch(() => preview));
    } finally {
      setBusy(null);
    }
  };

  const template = async () => {
    try {
      downloadText("products.csv", await exportCatalog(shopId, "zh"));
    } catch {
      void message.error(t("catalog.page.exportFailed"));
    }
  };

  const columnName = (column: string) => (KNOWN_COLUMNS.has(column) ? t(`catalog.csvColumn.${column}`) : column);
  const problem = (e: ImportError) => t(`catalog.importError.${e.code}`, { ...e.params });
  const s = preview?.summary;

  return (
    <Modal
      open={open}
      title={t("catalog.import.title")}
      onCancel={close}
      width={900}
      footer={[
        <Button key="cancel" onClick={close}>
          {t("common.cancel")}
        </Button>,
        <Button key="apply" type="primary" disabled={!preview?.ok || s?.rows === 0} loading={busy === "applying"} onClick={() => void apply()} data-testid="import-apply">
          {t("catalog.import.apply")}
        </Button>,
      ]}
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="import-dialog">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t("catalog.import.hint")}
        </Typography.Paragraph>
        <Flex gap={8} align="center" wrap>
          <Button icon={<UploadOutlined />} loading={busy === "checking"} onClick={() => fileInput.current?.click()} data-testid="import-choose">
            {file ? t("catalog.import.chooseAgain") : t("catalog.import.choose")}
          </Button>
          {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
          <Button type="link" onClick={() => void template()}>
            {t("catalog.import.template")}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) void check(chosen);
              e.target.value = "";
            }}
          />
        </Flex>
        {preview && s && (
          <>
            <Alert
              type={preview.ok ? "success" : "warning"}
              showIcon
              data-testid="import-summary"
              title={t("catalog.import.summary", {
                rows: s.rows,
                productsCreate: s.products.create,
                productsUpdate: s.products.update,
                skusCreate: s.skus.create,
                skusUpdate: s.skus.update,
                skusUnchanged: s.skus.unchanged,
              })}
              description={preview.ok ? t("catalog.import.noErrors") : t("catalog.import.hasErrors", { count: s.errors })}
            />
            <Tabs
              defaultActiveKey={preview.ok ? "rows" : "errors"}
              key={preview.ok ? "ok" : "bad"}
              items={[
                {
                  key: "errors",
                  label: `${t("catalog.import.errors")} (${s.errors})`,
                  children: (
                    <>
                      <Table<ImportError>
                        size="small"
                        rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
                        pagination={{ pageSize: 20, hideOnSinglePage: true }}
                        dataSource={preview.errors}
                        onRow={() => ({ "data-testid": "import-error-row" }) as HTMLAttributes<HTMLElement>}
                        columns={[
                          { title: t("catalog.import.row"), dataIndex: "row", width: 70 },
                          { title: t("catalog.import.column"), key: "column", width: 140, render: (_v, e) => columnName(e.column) },
                          { title: t("catalog.import.problem"), key: "problem", render: (_v, e) => problem(e) },
                        ]}
                      />
                      {preview.moreErrors > 0 && <Typography.Text type="secondary">{t("catalog.import.moreErrors", { count: preview.moreErrors })}</Typography.Text>}
                    </>
                  ),
                },
                {
                  key: "rows",
                  label: `${t("catalog.import.rows")} (${s.rows})`,
                  children: (
                    <Table<PreviewRow>
                      size="small"
                      rowKey="row"
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      dataSource={preview.rows}
                      scroll={{ x: 700 }}
                      onRow={() => ({ "data-testid": "import-preview-row" }) as HTMLAttributes<HTMLElement>}
                      columns={[
                        { title: t("catalog.import.row"), dataIndex: "row", width: 60 },
                        {
                          title: t("catalog.import.product"),
                          key: "product",
                          render: (_v, r) => (
                            <Flex vertical>
                              <Typography.Text ellipsis>{r.title}</Typography.Text>
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {r.productId}
                              </Typography.Text>
                            </Flex>
                          ),
                        },
                        { title: t("catalog.import.variant"), key: "variant", render: (_v, r) => [r.color, r.size].filter(Boolean).join(" / ") || t("common.none") },
                        {
                          title: t("catalog.import.action"),
                          key: "action",
                          render: (_v, r) => (
                            <Flex gap={4} wrap>
                              {r.product !== "unchanged" && <Tag color={ACTION_COLOR[r.product]}>{`${t("catalog.import.product")} ${t(`catalog.import.${r.product}`)}`}</Tag>}
                              <Tag color={ACTION_COLOR[r.sku]}>{t(`catalog.import.${r.sku}`)}</Tag>
                            </Flex>
                          ),
                        },
                        {
                          title: t("catalog.import.stockChange"),
                          key: "stock",
                          render: (_v, r) => (r.stock.from === null || r.stock.from === r.stock.to ? r.stock.to : `${r.stock.from} → ${r.stock.to}`),
                        },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
