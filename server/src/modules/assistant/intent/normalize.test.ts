import { describe, expect, it } from "vitest";
import { normalizeText, SIZE_MARK } from "./normalize";

describe("normalizeText", () => {
  it("folds full-width characters and case", () => {
    expect(normalizeText("ＯＫ吗？")).toBe("ok吗?");
  });

  it("rewrites net slang and homophones onto the standard words", () => {
    expect(normalizeText("有木有")).toBe("有没有");
    expect(normalizeText("神马时候发")).toBe("什么时候发");
    expect(normalizeText("肿么还没到")).toBe("怎么还没到");
    expect(normalizeText("啥时候")).toBe("什么时候");
  });

  it("turns clause-final 么/伐/不/嘛 into 吗 but leaves 什么 and 怎么 alone", () => {
    expect(normalizeText("在么")).toBe("在吗");
    expect(normalizeText("在伐")).toBe("在吗");
    expect(normalizeText("包邮不？")).toBe("包邮吗?");
    expect(normalizeText("在嘛 亲")).toBe("在吗 亲");
    expect(normalizeText("这是什么")).toBe("这是什么");
    expect(normalizeText("怎么")).toBe("怎么");
    expect(normalizeText("干嘛")).toBe("干嘛");
  });

  it("folds traditional characters seen in shop chats", () => {
    expect(normalizeText("還有貨嗎")).toBe("还有货吗");
  });

  it("marks stand-alone size letters, not letters inside words", () => {
    expect(normalizeText("有M码吗")).toBe(`有${SIZE_MARK}码吗`);
    expect(normalizeText("XL还是XXL")).toBe(`${SIZE_MARK}还是${SIZE_MARK}`);
    expect(normalizeText("size m please")).toBe(`size ${SIZE_MARK} please`);
    expect(normalizeText("I'm small")).toBe("im small");
    expect(normalizeText("3m long")).toBe("3m long");
  });

  it("expands English chat shorthand", () => {
    expect(normalizeText("wat size r u")).toBe("what size are you");
    expect(normalizeText("thx pls")).toBe("thanks please");
  });
});
