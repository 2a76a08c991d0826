import { describe, expect, it } from "vitest";
import { pickLanguage, translations } from "./i18n";

describe("widget translations", () => {
  it("have the same keys in every language and no empty text", () => {
    const reference = Object.keys(translations["zh-CN"]).sort();
    for (const [language, messages] of Object.entries(translations)) {
      expect(Object.keys(messages).sort(), language).toEqual(reference);
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${language}.${key}`).not.toBe("");
    }
  });

  it("pick the first language the widget speaks, Chinese by default", () => {
    expect(pickLanguage(["ko-KR", "en-US"])).toBe("ko");
    expect(pickLanguage(["fr-FR", "en-GB"])).toBe("en");
    expect(pickLanguage(["zh-TW"])).toBe("zh-CN");
    expect(pickLanguage(["de"])).toBe("zh-CN");
    expect(pickLanguage([])).toBe("zh-CN");
  });
});
