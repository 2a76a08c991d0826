// The demo storefront's product page (/demo/shop/p/{id}): the item, its knowledge, and a
// real checkout — colour × size, quantity, recipient, then pay. Server-rendered and
// escaped like the shop page; /storefront.js (widget/src/storefront/checkout.ts) drives
// the form as the widget's own buyer, and reads its words from data attributes here, so
// it carries no translations of its own.
import type { Knowledge } from "../catalog";
import { categoryHue, escapeHtml, formatPriceCents, languageOf, safeImageUrl, STORE_CSS, widgetTag, type StorefrontLanguage, type StorefrontShop } from "./pages";

export interface StorefrontProductDetail {
  id: string;
  title: string;
  category: string;
  priceCents: number;
  listPriceCents: number;
  imageUrl: string | null;
  knowledge: Knowledge;
  skus: { id: string; color: string | null; size: string | null; available: boolean }[];
}

type Key =
  | "back" | "color" | "size" | "qty" | "soldOut" | "recipient" | "name" | "phone" | "address" | "submit" | "pay" | "paid"
  | "orderNo" | "total" | "discount" | "shipping" | "free" | "chooseSku" | "invalid" | "failed" | "outOfStock" | "ask"
  | "material" | "care" | "points" | "suits" | "limits";

const WORDS: Record<StorefrontLanguage, Record<Key, string>> = {
  "zh-CN": {
    back: "← 返回店铺", color: "颜色", size: "尺码", qty: "数量", soldOut: "缺货", recipient: "收货信息", name: "收货人", phone: "手机号",
    address: "详细地址", submit: "提交订单", pay: "立即付款", paid: "付款成功，我们会尽快为您发货", orderNo: "订单号", total: "实付",
    discount: "优惠", shipping: "运费", free: "包邮", chooseSku: "请选择颜色和尺码", invalid: "请填写收货人、正确的手机号和详细地址",
    failed: "下单失败，请稍后再试", outOfStock: "这个颜色尺码刚刚卖完了，换一个吧", ask: "咨询客服",
    material: "面料", care: "洗涤保养", points: "卖点", suits: "适合人群", limits: "温馨提示",
  },
  en: {
    back: "← Back to the shop", color: "Colour", size: "Size", qty: "Quantity", soldOut: "sold out", recipient: "Delivery", name: "Recipient",
    phone: "Phone", address: "Full address", submit: "Place order", pay: "Pay now", paid: "Paid — we will ship it soon", orderNo: "Order",
    total: "To pay", discount: "Discount", shipping: "Shipping", free: "free", chooseSku: "Please choose a colour and size",
    invalid: "Please give the recipient, a valid phone number and the full address", failed: "The order did not go through, please try again",
    outOfStock: "That colour and size just sold out, please choose another", ask: "Ask us",
    material: "Material", care: "Care", points: "Highlights", suits: "Suits", limits: "Good to know",
  },
  ko: {
    back: "← 스토어로", color: "색상", size: "사이즈", qty: "수량", soldOut: "품절", recipient: "배송 정보", name: "받는 분", phone: "휴대폰 번호",
    address: "상세 주소", submit: "주문하기", pay: "결제하기", paid: "결제 완료, 빠르게 발송해 드릴게요", orderNo: "주문 번호", total: "결제 금액",
    discount: "할인", shipping: "배송비", free: "무료", chooseSku: "색상과 사이즈를 선택해 주세요", invalid: "받는 분, 올바른 휴대폰 번호, 상세 주소를 입력해 주세요",
    failed: "주문하지 못했습니다. 잠시 후 다시 시도해 주세요", outOfStock: "방금 품절되었습니다. 다른 옵션을 선택해 주세요", ask: "상담하기",
    material: "소재", care: "세탁·관리", points: "특징", suits: "추천 대상", limits: "참고 사항",
  },
};

const PRODUCT_CSS = `
.pd{display:grid;grid-template-columns:minmax(0,420px) 1fr;gap:28px;background:#fff;border-radius:12px;padding:24px;margin:24px 0 40px}
.pd .pic{border-radius:10px;overflow:hidden}
.pd h2{margin:0 0 8px;font-size:20px}
.pd .price{font-size:24px}
.pd .list{color:#8f959e;text-decoration:line-through;margin-left:8px}
.opts{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0 14px}
.opt input{position:absolute;opacity:0}
.opt span{display:inline-block;border:1px solid #dee0e3;border-radius:6px;padding:5px 12px;cursor:pointer}
.opt input:checked+span{border-color:#ff5000;color:#ff5000;background:#fff4ee}
.opt input:disabled+span{color:#c0c4cc;border-style:dashed;cursor:not-allowed}
.opt input:focus-visible+span{outline:2px solid #ff7a00}
form label{display:block;margin:8px 0}
form input[type=text],form input[type=tel],form input[type=number],form textarea{width:100%;font:inherit;border:1px solid #dee0e3;border-radius:6px;padding:7px 9px}
form input[type=number]{width:90px}
.btns{display:flex;gap:10px;margin-top:14px;flex-wrap:wrap;align-items:center}
.btns .ask{margin:0;padding:8px 22px;border-radius:20px}
.primary{border:0;border-radius:20px;background:#ff5000;color:#fff;padding:9px 26px;font:inherit;cursor:pointer}
.primary:disabled{background:#ffb38a;cursor:default}
.result{margin-top:14px;padding:12px;border-radius:8px;background:#fff7f0}
.result.ok{background:#f6ffed;color:#237804}
.result.bad{background:#fff1f0;color:#cf1322}
.facts dt{font-weight:600;margin-top:10px}
.facts dd{margin:2px 0 0}
.back{display:inline-block;margin-top:18px;color:#646a73;text-decoration:none}
@media (max-width:700px){.pd{grid-template-columns:1fr;padding:14px}}
`;

function options(name: string, values: string[], soldOut: (value: string) => boolean, soldOutWord: string): string {
  return values
    .map((value) => {
      const disabled = soldOut(value);
      return `<label class="opt"><input type="radio" name="${name}" value="${escapeHtml(value)}"${disabled ? " disabled" : ""}><span>${escapeHtml(value)}${disabled ? ` · ${escapeHtml(soldOutWord)}` : ""}</span></label>`;
    })
    .join("");
}

function facts(knowledge: Knowledge, w: Record<Key, string>): string {
  const rows: [string, string | undefined][] = [
    [w.material, knowledge.material],
    [w.points, knowledge.sellingPoints?.join("；")],
    [w.suits, knowledge.suits],
    [w.care, knowledge.care],
    [w.limits, knowledge.knownLimits],
  ];
  const shown = rows.filter((r): r is [string, string] => Boolean(r[1]));
  return shown.length ? `<dl class="facts">${shown.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>` : "";
}

export function renderProductPage(input: { shop: StorefrontShop; product: StorefrontProductDetail; lang?: string }): string {
  const language = languageOf(input.lang);
  const w = WORDS[language];
  const { shop, product } = input;
  const image = safeImageUrl(product.imageUrl);
  const picture = image
    ? `<img src="${escapeHtml(image)}" alt="${escapeHtml(product.title)}">`
    : `<div class="placeholder" style="--hue:${categoryHue(product.category)}"><span>${escapeHtml(product.category)}</span></div>`;
  const colors = [...new Set(product.skus.map((s) => s.color ?? "—"))];
  const sizes = [...new Set(product.skus.map((s) => s.size ?? "—"))];
  const skuMap = product.skus.map((s) => ({ id: s.id, color: s.color ?? "—", size: s.size ?? "—", available: s.available }));
  const messages = Object.fromEntries((["chooseSku", "invalid", "failed", "outOfStock", "pay", "paid", "orderNo", "total", "discount", "shipping", "free"] as const).map((k) => [k, w[k]]));
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(product.title)} - ${escapeHtml(shop.name)}</title>
<style>${STORE_CSS}${PRODUCT_CSS}</style>
</head>
<body>
<main class="wrap">
<a class="back" href="/demo/shop${input.lang ? `?lang=${escapeHtml(language)}` : ""}">${escapeHtml(w.back)}</a>
<section class="pd" data-testid="product-page">
  <div class="pic">${picture}</div>
  <div>
    <h2 data-testid="product-title">${escapeHtml(product.title)}</h2>
    <div><span class="price">${escapeHtml(formatPriceCents(product.priceCents))}</span>${product.listPriceCents > product.priceCents ? `<span class="list">${escapeHtml(formatPriceCents(product.listPriceCents))}</span>` : ""}</div>
    <form data-qindesk-checkout data-skus="${escapeHtml(JSON.stringify(skuMap))}" data-messages="${escapeHtml(JSON.stringify(messages))}" novalidate>
      <div>${escapeHtml(w.color)}</div><div class="opts" data-testid="checkout-colors">${options("color", colors, (c) => skuMap.every((s) => s.color !== c || !s.available), w.soldOut)}</div>
      <div>${escapeHtml(w.size)}</div><div class="opts" data-testid="checkout-sizes">${options("size", sizes, (z) => skuMap.every((s) => s.size !== z || !s.available), w.soldOut)}</div>
      <label>${escapeHtml(w.qty)} <input type="number" name="qty" value="1" min="1" max="99" data-testid="checkout-qty"></label>
      <h3>${escapeHtml(w.recipient)}</h3>
      <label>${escapeHtml(w.name)}<input type="text" name="name" maxlength="50" autocomplete="name" data-testid="checkout-name"></label>
      <label>${escapeHtml(w.phone)}<input type="tel" name="phone" maxlength="20" autocomplete="tel" data-testid="checkout-phone"></label>
      <label>${escapeHtml(w.address)}<textarea name="address" rows="2" maxlength="300" autocomplete="street-address" data-testid="checkout-address"></textarea></label>
      <div class="btns">
        <button type="submit" class="primary" data-testid="checkout-submit">${escapeHtml(w.submit)}</button>
        <button type="button" class="ask" data-testid="product-ask" data-qindesk-product="${escapeHtml(product.id)}" data-title="${escapeHtml(product.title)}" data-price-cents="${escapeHtml(product.priceCents)}" data-image-url="${escapeHtml(image ?? "")}">${escapeHtml(w.ask)}</button>
      </div>
      <div class="result" data-testid="checkout-result" hidden></div>
    </form>
    ${facts(product.knowledge, w)}
  </div>
</section>
</main>
${widgetTag(shop.id, { "data-lang": input.lang === undefined ? undefined : language })}
<script src="/storefront.js" defer></script>
</body>
</html>
`;
}
