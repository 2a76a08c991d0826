// "申请售后" in the widget: the buyer's orders with this shop, and a short form about one
// of them (what they need, why, a note and a photo). Built with the same text-only element
// builder as the chat; nothing the buyer or the shop wrote is parsed as HTML.
import type { BuyerOrder } from "./api";
import { h } from "./dom";
import { formatPrice } from "./format";
import type { MessageKey, Messages } from "./i18n";

export const BUYER_KINDS = ["return", "exchange", "refund_only", "resend_missing", "quality_complaint"] as const;
export const BUYER_REASONS = ["no_reason", "size_fit", "color_style", "quality", "damaged", "wrong_item", "missing_item", "not_as_described", "other"] as const;

export interface AftersalesRequest {
  order: BuyerOrder;
  kind: (typeof BUYER_KINDS)[number];
  reason: (typeof BUYER_REASONS)[number];
  note: string;
  photo: File | null;
}

export interface AftersalesHandlers {
  loadOrders(): Promise<BuyerOrder[]>;
  submit(request: AftersalesRequest): Promise<void>;
  close(): void;
}

const label = (t: Messages, key: string) => t[key as MessageKey] ?? key;

function select(name: string, values: readonly string[], t: Messages, prefix: string): HTMLSelectElement {
  const element = h("select", { name, "data-testid": `widget-aftersales-${name}` });
  for (const value of values) element.append(h("option", { value }, label(t, `${prefix}${value}`)));
  return element;
}

export class AftersalesView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;

  constructor(
    private readonly t: Messages,
    private readonly handlers: AftersalesHandlers,
  ) {
    const back = h("button", { type: "button", class: "link" }, t.back);
    back.addEventListener("click", () => handlers.close());
    this.body = h("div", { class: "as-body" });
    this.element = h("div", { class: "aftersales", hidden: true, "data-testid": "widget-aftersales-panel" }, h("div", { class: "as-head" }, h("strong", {}, t.myOrders), back), this.body);
  }

  async show(): Promise<void> {
    this.element.hidden = false;
    this.body.replaceChildren(h("p", { class: "muted" }, this.t.connecting));
    try {
      this.list(await this.handlers.loadOrders());
    } catch {
      this.body.replaceChildren(h("p", { class: "muted" }, this.t.genericError));
    }
  }

  hide(): void {
    this.element.hidden = true;
  }

  private list(orders: BuyerOrder[]): void {
    if (orders.length === 0) {
      this.body.replaceChildren(h("p", { class: "muted" }, this.t.noOrders));
      return;
    }
    this.body.replaceChildren(
      ...orders.map((order) => {
        const apply = h("button", { type: "button", class: "apply", "data-testid": "widget-aftersales-apply" }, this.t.apply);
        apply.addEventListener("click", () => this.form(order));
        const what = order.items.map((i) => [i.title ?? "", [i.color, i.size].filter(Boolean).join("/")].filter(Boolean).join(" ")).join("；");
        return h(
          "div",
          { class: "as-order", "data-testid": "widget-order" },
          h("div", {}, h("small", { class: "muted" }, order.externalId ?? order.id), h("div", {}, what), h("small", {}, formatPrice(order.totalCents))),
          apply,
        );
      }),
    );
  }

  private form(order: BuyerOrder): void {
    const t = this.t;
    const kind = select("kind", BUYER_KINDS, t, "kind_");
    const reason = select("reason", BUYER_REASONS, t, "reason_");
    const note = h("textarea", { rows: "2", maxlength: "500", "data-testid": "widget-aftersales-note" });
    const photo = h("input", { type: "file", accept: "image/png,image/jpeg,image/gif,image/webp", "data-testid": "widget-aftersales-photo" });
    const submit = h("button", { type: "button", class: "send", "data-testid": "widget-aftersales-submit" }, t.submit);
    submit.addEventListener("click", () => {
      submit.setAttribute("disabled", "");
      this.handlers
        .submit({
          order,
          kind: kind.value as AftersalesRequest["kind"],
          reason: reason.value as AftersalesRequest["reason"],
          note: note.value.trim(),
          photo: photo.files?.[0] ?? null,
        })
        .catch(() => submit.removeAttribute("disabled"));
    });
    this.body.replaceChildren(
      h(
        "div",
        { class: "as-form" },
        h("small", { class: "muted" }, order.externalId ?? order.id),
        h("label", {}, t.kindLabel, kind),
        h("label", {}, t.reasonLabel, reason),
        h("label", {}, t.noteLabel, note),
        h("label", {}, t.photoLabel, photo),
        submit,
      ),
    );
  }
}

/** The chat line that tells the shop what was asked, in the buyer's language. */
export function requestText(t: Messages, request: AftersalesRequest): string {
  const line = t.requestText
    .replace("{order}", request.order.externalId ?? request.order.id)
    .replace("{kind}", label(t, `kind_${request.kind}`))
    .replace("{reason}", label(t, `reason_${request.reason}`));
  return request.note ? `${line}\n${request.note}` : line;
}
