import { describe, expect, it } from "vitest";
import type { CatalogSku } from "./catalog-api";
import { buildGrid, cellKey, centsToYuan, formToKnowledge, knowledgeToForm, newSkus, stockChanges, yuanToCents } from "./catalog-form";

const sku = (id: string, color: string | null, size: string | null, stock: number, displayedStock: number | null = null): CatalogSku => ({ id, externalId: null, color, size, stock, displayedStock, archived: false });

describe("money in the catalog forms", () => {
  it("reads yuan as fen without floating point", () => {
    expect(yuanToCents("128")).toBe(12800);
    expect(yuanToCents("0.29")).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(yuanToCents("¥1,280.5")).toBe(128050);
    expect(yuanToCents(" ")).toBeNull();
    expect(yuanToCents("12.345")).toBeNaN();
    expect(yuanToCents("-1")).toBeNaN();
    expect(centsToYuan(12805)).toBe("128.05");
    expect(centsToYuan(null)).toBe("");
  });
});

describe("the stock grid editor", () => {
  const skus = [sku("a", "米白", "S", 12, 32), sku("b", "米白", "M", 0, 20), sku("c", "黑色", "S", 3)];
  it("puts colours in rows and sizes in columns", () => {
    const grid = buildGrid(skus);
    expect(grid.colors).toEqual(["米白", "黑色"]);
    expect(grid.sizes).toEqual(["S", "M"]);
    expect(grid.cells.get(cellKey("黑色", "M"))).toBeUndefined();
  });
  it("sends only the changed cells, each with the stock it was loaded with", () => {
    const grid = buildGrid(skus);
    grid.cells.get(cellKey("米白", "S"))!.stock = 12; // typed the same value: no change
    grid.cells.get(cellKey("米白", "M"))!.stock = 5;
    grid.cells.get(cellKey("黑色", "S"))!.displayedStock = 10;
    expect(stockChanges(grid)).toEqual([
      { skuId: "b", stock: 5, expectedStock: 0 },
      { skuId: "c", displayedStock: 10 },
    ]);
  });
  it("makes every colour × size of a new product", () => {
    expect(newSkus(["白", "黑"], ["S"], { [cellKey("黑", "S")]: 4 })).toEqual([
      { color: "白", size: "S", stock: 0, displayedStock: null },
      { color: "黑", size: "S", stock: 4, displayedStock: null },
    ]);
    expect(newSkus([], [], {})).toEqual([{ color: null, size: null, stock: 0, displayedStock: null }]);
  });
});

describe("the knowledge form", () => {
  it("round-trips, dropping empty texts and rows", () => {
    const k = { material: "棉", sellingPoints: ["显瘦", "百搭"], sizeChart: [{ size: "S", text: "155–160 cm / 42–48 kg" }], faq: [{ q: "起球吗", a: "不易起球" }] };
    expect(formToKnowledge(knowledgeToForm(k))).toEqual(k);
    const form = knowledgeToForm({});
    form.care = "  ";
    form.keywords = "毛衣\n\n开衫 | 外套";
    form.sizeChart.push({ size: " ", text: "x" });
    expect(formToKnowledge(form)).toEqual({ keywords: ["毛衣", "开衫", "外套"] });
  });
});
