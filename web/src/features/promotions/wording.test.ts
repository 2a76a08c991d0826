// The engine's keys and fen amounts as the workbench words them, in every language.
import { describe, expect, it } from "vitest";
import { PROMOTION_KINDS } from "../../../../server/src/modules/promotions/types";
import en from "../../i18n/en.json";
import ko from "../../i18n/ko.json";
import zhCN from "../../i18n/zh-CN.json";
import { draftKey, shortYuan, textParams } from "./wording";

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string) => key.split(".").reduce<Tree | string | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), tree);

describe("promotion wording", () => {
  it("shows fen as short yuan under the name without Cents", () => {
    expect(shortYuan(1200)).toBe("¥12");
    expect(shortYuan(1250)).toBe("¥12.50");
    expect(textParams({ missingCents: 1200, thresholdCents: 9900, gift: "袜子", missingQuantity: 1 })).toEqual({
      missingCents: 1200,
      missing: "¥12",
      thresholdCents: 9900,
      threshold: "¥99",
      gift: "袜子",
      missingQuantity: 1,
    });
  });

  it("has a label and a sentence for the buyer for every kind, applying or close, in every language", () => {
    for (const catalog of [zhCN, en, ko] as Tree[]) {
      for (const kind of PROMOTION_KINDS) {
        for (const tone of ["applies", "close"]) {
          const key = `promotions.${tone}.${kind}`;
          expect(typeof lookup(catalog, key), key).toBe("string");
          expect(typeof lookup(catalog, draftKey(key)), draftKey(key)).toBe("string");
        }
      }
    }
  });
});
