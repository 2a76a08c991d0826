// One chat bubble: text, photo, product card or order card, built from DOM nodes with textContent only.
import type { ChatMessage, OrderCard, ProductCard } from "../../server/src/modules/conversations/chat-protocol";
import type { TimelineItem } from "./conversation-state";
import { h } from "./dom";
import { formatPrice, formatTime, safeImageSrc } from "./format";
import type { Messages } from "./i18n";
import { renderOrderCard, type OrderCardHandlers } from "./order-card-view";

interface BubbleContent {
  from: ChatMessage["from"];
  kind: ChatMessage["kind"];
  text: string;
  imageUrl: string | null;
  product: ProductCard | null;
  card: OrderCard | null;
}

function contentOf(item: TimelineItem): BubbleContent {
  if (item.status === "sent") return item.message;
  return { from: "buyer", card: null, ...item.entry };
}

function productCard(product: ProductCard, apiOrigin: string, t: Messages): HTMLElement {
  const src = safeImageSrc(product.imageUrl, apiOrigin);
  const picture = src ? h("img", { src, alt: "", loading: "lazy" }) : h("span", { class: "ph" }, t.product);
  return h(
    "div",
    { class: "card" },
    picture,
    h("span", {}, h("b", {}, product.title), h("span", { class: "price" }, formatPrice(product.priceCents))),
  );
}

function bubble(content: BubbleContent, apiOrigin: string, t: Messages, cards: OrderCardHandlers | null): HTMLElement {
  const box = h("div", { class: "bubble" });
  if (content.kind === "order" && content.card) {
    box.append(renderOrderCard(content.card, t, cards));
  } else if (content.kind === "image") {
    const src = safeImageSrc(content.imageUrl, apiOrigin);
    if (src) box.append(h("img", { class: "photo", src, alt: content.text || t.image }));
    if (content.text) box.append(h("div", {}, content.text));
  } else if (content.kind === "product" && content.product) {
    box.append(productCard(content.product, apiOrigin, t));
    if (content.text && content.text !== content.product.title) box.append(h("div", {}, content.text));
  } else {
    box.textContent = content.text || (content.kind === "product" ? t.product : "");
  }
  return box;
}

/** A stable signature of what the element shows, so unchanged bubbles are left alone. */
export function renderSignature(item: TimelineItem): string {
  const content = contentOf(item);
  return [item.status, content.kind, content.text, content.imageUrl?.length ?? 0, content.product?.title ?? "", content.card?.state ?? ""].join("|");
}

export function renderMessage(item: TimelineItem, apiOrigin: string, t: Messages, cards: OrderCardHandlers | null = null): HTMLElement {
  const content = contentOf(item);
  const element = h("div", {
    class: `msg ${content.from}${item.status === "sent" ? "" : ` ${item.status}`}`,
    "data-testid": "chat-message",
    "data-status": item.status,
  });
  if (item.status === "sent") {
    const message = item.message;
    element.dataset.seq = String(message.seq);
    if (message.from === "agent" || message.from === "bot") {
      const who = message.from === "bot" ? t.bot : message.agentName || t.agent;
      element.append(h("div", { class: "who" }, `${who} ${formatTime(message.createdAt)}`));
    }
  }
  element.append(bubble(content, apiOrigin, t, cards));
  if (item.status !== "sent") element.append(h("div", { class: "state" }, item.status === "pending" ? t.pending : t.failed));
  return element;
}
