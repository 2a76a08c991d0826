// /storefront.js: the demo storefront's checkout on a product page. It acts as the chat
// widget's own buyer (window.QinDesk.buyerSession()), so the order lands beside the
// buyer's chat in the agent's sidebar. Words come from the page (data-messages), text is
// set with textContent only.
interface SkuOption {
  id: string;
  color: string;
  size: string;
  available: boolean;
}

interface PlacedOrder {
  id: string;
  externalId: string | null;
  totalCents: number;
  shippingFeeCents: number | null;
  discountCents: number | null;
}

type Words = Record<"chooseSku" | "invalid" | "failed" | "outOfStock" | "pay" | "paid" | "orderNo" | "total" | "discount" | "shipping" | "free", string>;

interface WidgetApi {
  buyerSession(): Promise<{ token: string; apiOrigin: string }>;
}

const yuan = (cents: number) => `¥${(cents / 100).toFixed(2)}`;

function waitForWidget(): Promise<WidgetApi> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const api = (window as unknown as { QinDesk?: WidgetApi }).QinDesk;
      if (api) resolve(api);
      else if (Date.now() - started > 10_000) reject(new Error("the chat widget did not load"));
      else setTimeout(check, 50);
    };
    check();
  });
}

async function call<T>(path: string, body: unknown): Promise<T> {
  const { token, apiOrigin } = await (await waitForWidget()).buyerSession();
  const response = await fetch(`${apiOrigin}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "omit",
  });
  const json = (await response.json().catch(() => ({}))) as T & { error?: { code?: string } };
  if (!response.ok) throw new Error(json.error?.code ?? `http_${response.status}`);
  return json;
}

function bind(form: HTMLFormElement): void {
  const skus = JSON.parse(form.dataset.skus ?? "[]") as SkuOption[];
  const words = JSON.parse(form.dataset.messages ?? "{}") as Words;
  const result = form.querySelector<HTMLElement>("[data-testid=checkout-result]")!;
  const submit = form.querySelector<HTMLButtonElement>("[data-testid=checkout-submit]")!;
  const show = (text: string, tone: "" | "ok" | "bad", extra?: HTMLElement) => {
    result.textContent = text;
    result.className = `result ${tone}`;
    if (extra) result.append(extra);
    result.hidden = false;
  };
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null)?.value?.trim() ?? "";

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const sku = skus.find((s) => s.color === value("color") && s.size === value("size"));
    if (!sku) return show(words.chooseSku, "bad");
    if (!sku.available) return show(words.outOfStock, "bad");
    const recipient = { name: value("name"), phone: value("phone"), address: value("address") };
    if (!recipient.name || !/^[+\d][\d\s-]{5,19}$/.test(recipient.phone) || recipient.address.length < 5) return show(words.invalid, "bad");
    const qty = Math.min(99, Math.max(1, Math.floor(Number(value("qty")) || 1)));
    submit.disabled = true;
    call<{ order: PlacedOrder }>("/api/widget/checkout", { items: [{ skuId: sku.id, qty }], recipient })
      .then(({ order }) => {
        const pay = document.createElement("button");
        pay.type = "button";
        pay.className = "primary";
        pay.dataset.testid = "checkout-pay";
        pay.textContent = words.pay;
        const lines = [
          `${words.orderNo} ${order.externalId ?? order.id}`,
          `${words.shipping} ${order.shippingFeeCents ? yuan(order.shippingFeeCents) : words.free}`,
          ...(order.discountCents ? [`${words.discount} -${yuan(order.discountCents)}`] : []),
          `${words.total} ${yuan(order.totalCents)}`,
        ];
        const box = document.createElement("div");
        box.className = "btns";
        box.append(pay);
        show(lines.join(" · "), "", box);
        result.dataset.orderId = order.id;
        pay.addEventListener("click", () => {
          pay.disabled = true;
          call<{ order: PlacedOrder }>(`/api/widget/orders/${encodeURIComponent(order.id)}/pay`, {}).then(
            () => show(`${words.paid} · ${words.orderNo} ${order.externalId ?? order.id}`, "ok"),
            () => {
              pay.disabled = false;
              show(words.failed, "bad", box);
            },
          );
        });
      })
      .catch((error: unknown) => {
        submit.disabled = false;
        show(error instanceof Error && error.message === "out_of_stock" ? words.outOfStock : words.failed, "bad");
      });
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-qindesk-checkout]")) bind(form);

export {};
