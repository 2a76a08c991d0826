// Entry of widget.js. A shop embeds
//   <script src="https://qindesk.example/widget.js" data-shop="SHOP_ID"></script>
// and gets a launcher bottom-right; data-mode="page" fills the page with the chat instead.
import { parseWidgetConfig } from "./config";
import { messagesFor, pickLanguage } from "./i18n";
import { ChatWidget, type OpenChatOptions } from "./widget";

interface QinDeskApi {
  version: 1;
  openChat(options?: OpenChatOptions): void;
  open(): void;
  close(): void;
  /** The buyer's widget token, for the shop's own pages acting as the same buyer (the demo checkout). */
  buyerSession(): Promise<{ token: string; apiOrigin: string; customerId: string }>;
}

declare global {
  interface Window {
    QinDesk?: QinDeskApi;
  }
}

// Only valid while this file runs for the first time, so it is read before anything else.
const ownScript = document.currentScript;

function findScript(): HTMLScriptElement | null {
  if (ownScript instanceof HTMLScriptElement) return ownScript;
  // Injected or deferred in ways that leave currentScript empty: look for our tag.
  return document.querySelector<HTMLScriptElement>('script[data-shop][src*="widget.js"]');
}

/** Storefront buttons carry data-qindesk-product instead of inline onclick code, so the
 *  page works under a CSP without 'unsafe-inline' scripts. */
function bindProductButtons(api: QinDeskApi): void {
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-qindesk-product]") : null;
    if (!target) return;
    event.preventDefault();
    const { qindeskProduct, title, priceCents, imageUrl } = target.dataset;
    api.openChat({
      productId: qindeskProduct,
      title,
      priceCents: priceCents === undefined ? undefined : Number(priceCents),
      imageUrl: imageUrl || null,
    });
  });
}

function mount(): void {
  if (window.QinDesk) return; // the tag was included twice
  const script = findScript();
  if (!script) {
    console.error("QinDesk widget: cannot find its <script data-shop> tag");
    return;
  }
  const parsed = parseWidgetConfig(script, script.src, location.href, Math.floor(Date.now() / 1000));
  if (!parsed.ok) {
    console.error(parsed.error);
    return;
  }
  for (const warning of parsed.warnings) console.warn(warning);
  const { config } = parsed;
  const languages = config.lang ? [config.lang] : navigator.languages?.length ? navigator.languages : [navigator.language];
  const t = messagesFor(pickLanguage(languages));

  const host = document.createElement("div");
  host.id = "qindesk-widget";
  document.body.append(host);
  // "open" so that browser tests (and the shop's own scripts) can reach inside.
  const root = host.attachShadow({ mode: "open" });
  const widget = new ChatWidget(config, t, root);
  const api: QinDeskApi = {
    version: 1,
    openChat: (options) => widget.openChat(options),
    open: () => widget.open(),
    close: () => widget.close(),
    buyerSession: () => widget.buyerSession(),
  };
  window.QinDesk = api;
  bindProductButtons(api);
  widget.boot();
  // /chat/SHOP?product=ID: a link from a product page opens with that product's card.
  const product = config.mode === "page" ? new URLSearchParams(location.search).get("product") : null;
  if (product) widget.openChat({ productId: product });
}

if (document.body) mount();
else document.addEventListener("DOMContentLoaded", mount, { once: true });
