import { describe, expect, it } from "vitest";
import { parseWidgetConfig, socketUrl, type AttributeSource } from "./config";

const NOW = 1_780_000_000;
const SIGNATURE = "a".repeat(64);

function tag(attributes: Record<string, string>): AttributeSource {
  return { getAttribute: (name) => attributes[name] ?? null };
}

function parse(attributes: Record<string, string>, src = "https://desk.example.com/widget.js") {
  return parseWidgetConfig(tag(attributes), src, "https://shop.example.cn/item/1", NOW);
}

describe("parseWidgetConfig", () => {
  it("takes the API origin from the script src, not from the host page", () => {
    const result = parse({ "data-shop": "shop-1" });
    expect(result).toMatchObject({ ok: true, config: { shopId: "shop-1", mode: "float", apiOrigin: "https://desk.example.com", identity: null } });
  });

  it("resolves a relative src against the page", () => {
    expect(parse({ "data-shop": "s" }, "/widget.js")).toMatchObject({ config: { apiOrigin: "https://shop.example.cn" } });
  });

  it("needs data-shop", () => {
    expect(parse({})).toMatchObject({ ok: false });
    expect(parse({ "data-shop": "  " })).toMatchObject({ ok: false });
  });

  it("reads page mode and an explicit language", () => {
    expect(parse({ "data-shop": "s", "data-mode": "page", "data-lang": "ko" })).toMatchObject({ config: { mode: "page", lang: "ko" } });
    expect(parse({ "data-shop": "s", "data-mode": "weird" })).toMatchObject({ config: { mode: "float", lang: null } });
  });

  const identity = {
    "data-shop": "s",
    "data-buyer-id": "tb-123",
    "data-buyer-nick": "小红帽",
    "data-expires": String(NOW + 3600),
    "data-signature": SIGNATURE.toUpperCase(),
  };

  it("passes a complete signed identity with expires as a number", () => {
    expect(parse(identity)).toMatchObject({
      ok: true,
      warnings: [],
      config: { identity: { buyerId: "tb-123", nick: "小红帽", expires: NOW + 3600, signature: SIGNATURE } },
    });
  });

  it.each([
    ["a missing attribute", { "data-signature": "" }],
    ["non-numeric expires", { "data-expires": "tomorrow" }],
    ["an expired identity", { "data-expires": String(NOW - 1) }],
    ["a signature that is not hex", { "data-signature": "zz" }],
  ])("drops %s with a warning and chats as a visitor", (_label, change) => {
    const result = parse({ ...identity, ...change });
    expect(result).toMatchObject({ ok: true, config: { identity: null } });
    if (result.ok) expect(result.warnings).toHaveLength(1);
  });
});

describe("socketUrl", () => {
  it("switches http to ws and https to wss and encodes the token", () => {
    expect(socketUrl("https://desk.example.com", "a+b/c")).toBe("wss://desk.example.com/api/widget/ws?token=a%2Bb%2Fc");
    expect(socketUrl("http://127.0.0.1:3000", "t")).toBe("ws://127.0.0.1:3000/api/widget/ws?token=t");
  });
});
