// Every problem the catalog import can name, every CSV column and every action of the
// preview has its words in all three languages (the keys are built at run time).
import { describe, expect, it } from "vitest";
import { COLUMNS, IMPORT_PROBLEMS } from "../../../../server/src/modules/catalog/catalog-csv";
import en from "../../i18n/en.json";
import ko from "../../i18n/ko.json";
import zhCN from "../../i18n/zh-CN.json";

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, path: string) => path.split(".").reduce<string | Tree | undefined>((node, key) => (node && typeof node === "object" ? node[key] : undefined), tree);

describe("catalog words", () => {
  it("name every import problem, CSV column and preview action in zh-CN, en and ko", () => {
    const keys = [
      ...IMPORT_PROBLEMS.map((code) => `catalog.importError.${code}`),
      ...COLUMNS.map((column) => `catalog.csvColumn.${column}`),
      ...["create", "update", "unchanged"].map((action) => `catalog.import.${action}`),
      ...["promo_above_price", "floor_above_price", "duplicate_variant", "external_id_taken", "stock_changed", "image_type"].map((code) => `catalog.error.${code}`),
    ];
    for (const [lng, tree] of Object.entries({ "zh-CN": zhCN, en, ko })) {
      for (const key of keys) expect(typeof lookup(tree as Tree, key), `${lng}: ${key}`).toBe("string");
    }
  });
});
