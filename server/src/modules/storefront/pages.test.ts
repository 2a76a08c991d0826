import { describe, expect, it } from "vitest";
import { escapeHtml, formatPriceCents, renderChatPage, renderDemoShopPage, type StorefrontProduct } from "./pages";

const HOSTILE = `<script>alert("x")</script>' onmouseover="alert(1)" \`&`;

const products: StorefrontProduct[] = [
  { id: "p-1", title: "法式碎花连衣裙 夏季新款", category: "连衣裙", priceCents: 12900, imageUrl: "https://img.example.com/p1.jpg" },
  { id: "p-2", title: "高腰阔腿裤", category: "裤装", priceCents: 8950, imageUrl: null },
];

/** Every <script> tag in the page. */
function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/g) ?? [];
}

describe("escapeHtml", () => {
  it("escapes the characters that end text or a quoted attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
  });
  it("leaves ordinary Chinese text and numbers alone", () => {
    expect(escapeHtml("瑞丽女坊 2026")).toBe("瑞丽女坊 2026");
    expect(escapeHtml(42)).toBe("42");
  });
  it("does not double-unescape an existing entity", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });
});

describe("formatPriceCents", () => {
  it("formats fen as yuan with two decimals", () => {
    expect(formatPriceCents(12900)).toBe("¥129.00");
    expect(formatPriceCents(8950)).toBe("¥89.50");
    expect(formatPriceCents(7)).toBe("¥0.07");
    expect(formatPriceCents(0)).toBe("¥0.00");
  });
});

describe("renderDemoShopPage", () => {
  const html = renderDemoShopPage({ shop: { id: "shop-1", name: "瑞丽女坊" }, products });

  it("is a full page with the widget script tag for the shop", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(scriptTags(html)).toEqual(['<script src="/widget.js" data-shop="shop-1">']);
  });

  it("lists every product with its price and a 咨询客服 button that names it", () => {
    expect(html.match(/data-testid="product-card"/g)).toHaveLength(2);
    expect(html).toContain("¥129.00");
    expect(html).toContain("¥89.50");
    expect(html.match(/>咨询客服<\/button>/g)).toHaveLength(2);
    expect(html).toContain('data-qindesk-product="p-1"');
    expect(html).toContain('data-price-cents="12900"');
    expect(html).toContain('<img src="https://img.example.com/p1.jpg"');
  });

  it("shows a placeholder with the category when a product has no picture", () => {
    expect(html).toMatch(/<div class="placeholder" style="--hue:\d+"><span>裤装<\/span><\/div>/);
  });

  it("escapes hostile shop and product names everywhere", () => {
    const page = renderDemoShopPage({
      shop: { id: `s"><script>alert(2)</script>`, name: HOSTILE },
      products: [{ id: `p"x`, title: HOSTILE, category: HOSTILE, priceCents: 100, imageUrl: `javascript:alert(3)` }],
    });
    // The only script tag is the widget's, with the hostile id kept inside its attribute.
    expect(scriptTags(page)).toEqual(['<script src="/widget.js" data-shop="s&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">']);
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain(`onmouseover="alert`);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&quot;alert(1)&quot; &#96;&amp;");
    expect(page).toContain('data-qindesk-product="p&quot;x"');
    // A javascript: picture is not used at all.
    expect(page).not.toContain("javascript:");
    expect(page).toContain('class="placeholder"');
  });

  it("speaks English or Korean when asked and passes the language to the widget", () => {
    const english = renderDemoShopPage({ shop: { id: "s", name: "Shop" }, products, lang: "en-US" });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(">Ask us</button>");
    expect(scriptTags(english)).toEqual(['<script src="/widget.js" data-shop="s" data-lang="en">']);
    expect(renderDemoShopPage({ shop: { id: "s", name: "Shop" }, products, lang: "ko" })).toContain(">상담하기</button>");
  });

  it("says the shop has no products yet instead of an empty grid", () => {
    const page = renderDemoShopPage({ shop: { id: "s", name: "Shop" }, products: [] });
    expect(page).toContain('class="empty"');
    expect(page).not.toContain('class="grid"');
  });
});

describe("renderChatPage", () => {
  it("loads the widget in page mode for the shop", () => {
    const html = renderChatPage({ shop: { id: "shop-1", name: "瑞丽女坊" } });
    expect(scriptTags(html)).toEqual(['<script src="/widget.js" data-shop="shop-1" data-mode="page">']);
    expect(html).toContain("<title>瑞丽女坊 · 在线客服</title>");
  });

  it("escapes a hostile shop name and id", () => {
    const html = renderChatPage({ shop: { id: `a"b`, name: HOSTILE } });
    expect(html).not.toContain("<script>alert");
    expect(scriptTags(html)).toEqual(['<script src="/widget.js" data-shop="a&quot;b" data-mode="page">']);
  });
});
