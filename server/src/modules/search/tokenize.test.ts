// The tokenizer is the whole of "works for Chinese and Korean": a query word must come out
// as a token the stored message also has.
import { describe, expect, it } from "vitest";
import { snippetOf } from "./search.service";
import { indexText, searchTokens } from "./tokenize";

const finds = (message: string, query: string) => {
  const stored = new Set(indexText(message).split(" "));
  return searchTokens(query, "query").every((t) => stored.has(t));
};

describe("search tokens", () => {
  it("finds a Chinese word inside a sentence, and a shorter word inside it", () => {
    expect(indexText("亲，这件针织衫有M码吗").split(" ")).toEqual(expect.arrayContaining(["针织衫", "针织", "m", "码"]));
    expect(finds("亲，这件针织衫有M码吗", "针织衫")).toBe(true);
    expect(finds("亲，这件针织衫有M码吗", "针织")).toBe(true);
    expect(finds("亲，这件针织衫有M码吗", "连衣裙")).toBe(false);
  });

  it("ignores case and full-width letters in English", () => {
    expect(finds("Does this DRESS come in Red?", "dress red")).toBe(true);
    expect(finds("Does this ｄｒｅｓｓ come in Red?", "Dress")).toBe(true);
    expect(finds("Does this dress come in red?", "blue dress")).toBe(false);
  });

  it("matches Korean words whatever ending they carry", () => {
    expect(finds("배송은 언제 되나요?", "배송")).toBe(true);
    expect(finds("사이즈가 작아요", "사이즈")).toBe(true);
    expect(finds("배송은 언제 되나요?", "환불")).toBe(false);
  });

  it("drops punctuation and keeps nothing for a query of punctuation only", () => {
    expect(searchTokens("？！，。…", "query")).toEqual([]);
  });
});

describe("snippetOf", () => {
  it("shows the text around the first hit, with ellipses where it was cut", () => {
    const text = "开头".repeat(20) + "这件针织衫有M码吗" + "结尾".repeat(40);
    const snippet = snippetOf(text, ["针织衫"]);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet).toContain("这件针织衫有M码吗");
    expect(Array.from(snippet).length).toBeLessThanOrEqual(62);
  });

  it("keeps a short text whole and finds English hits case-insensitively", () => {
    expect(snippetOf("Does this DRESS come in red?", ["dress"])).toBe("Does this DRESS come in red?");
  });
});
