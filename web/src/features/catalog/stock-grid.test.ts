import { describe, expect, it } from "vitest";
import { stockGrid } from "./ProductHelper";

describe("stock at a glance", () => {
  it("puts colours in rows and sizes in columns, in the shop's order", () => {
    const grid = stockGrid([
      { id: "1", color: "米白", size: "S", stock: 12, displayedStock: 32 },
      { id: "2", color: "米白", size: "M", stock: 0, displayedStock: 20 },
      { id: "3", color: "黑色", size: "S", stock: 3, displayedStock: 23 },
      { id: "4", color: null, size: null, stock: 1, displayedStock: null },
    ]);
    expect(grid.sizes).toEqual(["S", "M", "—"]);
    expect(grid.rows).toEqual([
      { color: "米白", stock: { S: 12, M: 0 } },
      { color: "黑色", stock: { S: 3 } },
      { color: "—", stock: { "—": 1 } },
    ]);
  });
});
