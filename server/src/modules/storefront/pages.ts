// Server-rendered HTML for the demo storefront (/demo/shop) and the standalone buyer chat
// page (/chat/{shopId}). Pure functions of their input: the routes load the shop and its
// products and send the string. Every interpolated value goes through escapeHtml; the pages
// hold no inline scripts or handlers (the widget binds the 咨询客服 buttons itself), so they
// work under a CSP without 'unsafe-inline' for scripts.

export type StorefrontLanguage = "zh-CN" | "en" | "ko";

export interface StorefrontShop {
  id: string;
  name: string;
}

export interface StorefrontProduct {
  id: string;
  title: string;
  category: string;
  priceCents: number;
  imageUrl: string | null;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Safe in element text and in quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"'`]/g, (character) => HTML_ESCAPES[character]!);
}

/** ¥ with two decimals from integer cents (fen). */
export function formatPriceCents(priceCents: number): string {
  const sign = priceCents < 0 ? "-" : "";
  const cents = Math.abs(Math.round(priceCents));
  return `${sign}¥${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Only http(s) and same-site paths may become an <img src>; anything else shows the placeholder. */
export function safeImageUrl(url: string | null): string | null {
  if (!url) return null;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

const LABELS: Record<StorefrontLanguage, Record<"tagline" | "banner" | "bannerSub" | "hot" | "ask" | "buy" | "empty" | "footer" | "chatTitle" | "noscript", string>> = {
  "zh-CN": {
    tagline: "品质女装 · 官方店",
    banner: "新品上市 · 当季热卖",
    bannerSub: "有任何尺码、面料、发货问题，点击“咨询客服”，客服亲在线为您解答",
    hot: "热销商品",
    ask: "咨询客服",
    buy: "立即购买",
    empty: "店铺正在上新，敬请期待",
    footer: "演示店铺 · 由 QinDesk 提供在线客服",
    chatTitle: "在线客服",
    noscript: "请开启 JavaScript 以使用在线客服。",
  },
  en: {
    tagline: "Quality womenswear · Official store",
    banner: "New arrivals · Best sellers of the season",
    bannerSub: "Questions about sizes, fabrics or delivery? Tap “Ask us” and our team will help.",
    hot: "Best sellers",
    ask: "Ask us",
    buy: "Buy now",
    empty: "New items are on their way",
    footer: "Demo store · customer service by QinDesk",
    chatTitle: "Customer service",
    noscript: "Please enable JavaScript to chat with customer service.",
  },
  ko: {
    tagline: "품질 좋은 여성 의류 · 공식 스토어",
    banner: "신상품 · 이번 시즌 인기 상품",
    bannerSub: "사이즈, 소재, 배송이 궁금하시면 “상담하기”를 눌러 주세요",
    hot: "인기 상품",
    ask: "상담하기",
    buy: "바로 구매",
    empty: "새 상품을 준비하고 있습니다",
    footer: "데모 스토어 · QinDesk 고객센터",
    chatTitle: "고객센터",
    noscript: "고객센터 채팅을 사용하려면 JavaScript를 켜 주세요.",
  },
};

export function languageOf(lang: string | undefined): StorefrontLanguage {
  const primary = (lang ?? "").toLowerCase().split(/[-_]/)[0];
  return primary === "en" ? "en" : primary === "ko" ? "ko" : "zh-CN";
}

/** A pleasant pastel per category for products without a picture; same category, same colour. */
export function categoryHue(category: string): number {
  let hash = 0;
  for (const character of category) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) % 360;
  return hash;
}

export function widgetTag(shopId: string, extra: Record<string, string | undefined>): string {
  const attributes = Object.entries(extra)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
  return `<script src="/widget.js" data-shop="${escapeHtml(shopId)}"${attributes}></script>`;
}

function productCard(product: StorefrontProduct, askLabel: string, buyLabel: string): string {
  const image = safeImageUrl(product.imageUrl);
  const picture = image
    ? `<img src="${escapeHtml(image)}" alt="${escapeHtml(product.title)}" loading="lazy">`
    : `<div class="placeholder" style="--hue:${categoryHue(product.category)}"><span>${escapeHtml(product.category)}</span></div>`;
  const price = formatPriceCents(product.priceCents);
  return `<li class="product" data-testid="product-card">
  <div class="pic">${picture}</div>
  <div class="info">
    <h3 title="${escapeHtml(product.title)}">${escapeHtml(product.title)}</h3>
    <div class="meta"><span class="price">${escapeHtml(price)}</span><span class="cat">${escapeHtml(product.category)}</span></div>
    <a class="buy" data-testid="product-buy" href="/demo/shop/p/${escapeHtml(encodeURIComponent(product.id))}">${escapeHtml(buyLabel)}</a>
    <button type="button" class="ask" data-testid="product-ask" data-qindesk-product="${escapeHtml(product.id)}" data-title="${escapeHtml(product.title)}" data-price-cents="${escapeHtml(Math.round(product.priceCents))}" data-image-url="${escapeHtml(image ?? "")}">${escapeHtml(askLabel)}</button>
  </div>
</li>`;
}

export const STORE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Malgun Gothic",sans-serif;color:#1f2329;background:#f6f3f1}
.wrap{max-width:1160px;margin:0 auto;padding:0 20px}
.top{background:#fff;border-bottom:1px solid #f0e6e0}
.top .wrap{display:flex;align-items:center;gap:14px;height:72px}
.logo{display:flex;align-items:center;justify-content:center;width:44px;height:44px;border-radius:50%;background:linear-gradient(135deg,#ff7a9a,#ff5000);color:#fff;font-size:20px;font-weight:700}
.top h1{margin:0;font-size:20px;letter-spacing:1px}
.top p{margin:0;color:#8f959e;font-size:12px}
.banner{background:linear-gradient(120deg,#ffe3e8,#fff1e6 55%,#fde7d9);padding:36px 0;margin-bottom:24px}
.banner h2{margin:0 0 6px;font-size:26px;color:#c2185b}
.banner p{margin:0;color:#6b4f4f}
.section-title{font-size:18px;margin:0 0 14px;padding-left:10px;border-left:4px solid #ff5000}
.grid{list-style:none;margin:0 0 40px;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:18px}
.product{background:#fff;border-radius:10px;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.06);display:flex;flex-direction:column;transition:box-shadow .2s}
.product:hover{box-shadow:0 8px 24px rgba(0,0,0,.1)}
.pic{aspect-ratio:1/1;background:#f2f2f2}
.pic img{width:100%;height:100%;object-fit:cover;display:block}
.placeholder{width:100%;height:100%;display:flex;align-items:center;justify-content:center;background:linear-gradient(135deg,hsl(var(--hue) 70% 92%),hsl(var(--hue) 60% 84%));color:hsl(var(--hue) 35% 35%);font-size:18px;letter-spacing:2px;padding:10px;text-align:center}
.info{padding:10px 12px 14px;display:flex;flex-direction:column;gap:6px;flex:1}
.info h3{margin:0;font-size:14px;font-weight:500;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;min-height:44px}
.meta{display:flex;align-items:baseline;justify-content:space-between;gap:8px}
.price{color:#ff5000;font-size:18px;font-weight:700}
.cat{color:#8f959e;font-size:12px}
.buy{margin-top:auto}
.ask{border:1px solid #ff5000;background:#fff;color:#ff5000;border-radius:16px;padding:6px 0;font:inherit;cursor:pointer}
.ask:hover{background:#ff5000;color:#fff}
.buy{display:block;text-align:center;border-radius:16px;padding:6px 0;background:#ff5000;color:#fff;text-decoration:none}
.buy:hover{background:#f04a00}
.empty{color:#8f959e;text-align:center;padding:60px 0}
footer{text-align:center;color:#8f959e;font-size:12px;padding:24px 0 96px}
@media (max-width:600px){.grid{grid-template-columns:repeat(2,1fr);gap:10px}.banner h2{font-size:20px}.wrap{padding:0 12px}}
`;

export function renderDemoShopPage(input: {
  shop: StorefrontShop;
  products: StorefrontProduct[];
  lang?: string;
}): string {
  const language = languageOf(input.lang);
  const text = LABELS[language];
  const { shop } = input;
  const initial = Array.from(shop.name.trim())[0] ?? "店";
  const grid = input.products.length
    ? `<ul class="grid">\n${input.products.map((product) => productCard(product, text.ask, text.buy)).join("\n")}\n</ul>`
    : `<p class="empty">${escapeHtml(text.empty)}</p>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(shop.name)} - ${escapeHtml(text.tagline)}</title>
<style>${STORE_CSS}</style>
</head>
<body>
<header class="top"><div class="wrap">
  <div class="logo" aria-hidden="true">${escapeHtml(initial)}</div>
  <div><h1 data-testid="shop-name">${escapeHtml(shop.name)}</h1><p>${escapeHtml(text.tagline)}</p></div>
</div></header>
<section class="banner"><div class="wrap"><h2>${escapeHtml(text.banner)}</h2><p>${escapeHtml(text.bannerSub)}</p></div></section>
<main class="wrap">
<h2 class="section-title">${escapeHtml(text.hot)}</h2>
${grid}
</main>
<footer>${escapeHtml(text.footer)}</footer>
${widgetTag(shop.id, { "data-lang": input.lang === undefined ? undefined : language })}
</body>
</html>
`;
}

export function renderChatPage(input: { shop: StorefrontShop; lang?: string }): string {
  const language = languageOf(input.lang);
  const text = LABELS[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${escapeHtml(input.shop.name)} · ${escapeHtml(text.chatTitle)}</title>
<style>html,body{margin:0;height:100%;background:#f5f6f7;font-family:sans-serif}noscript p{text-align:center;color:#8f959e;padding:40px 16px}</style>
</head>
<body>
<noscript><p>${escapeHtml(text.noscript)}</p></noscript>
${widgetTag(input.shop.id, { "data-mode": "page", "data-lang": input.lang === undefined ? undefined : language })}
</body>
</html>
`;
}
