// Reads the embedding <script> tag: which shop, which mode, where the API lives, and the
// shop's signed buyer identity when the shop knows who is browsing. Pure (attributes are
// passed in) so the rules are testable without a DOM.

export interface BuyerIdentity {
  buyerId: string;
  nick: string;
  /** Unix seconds. */
  expires: number;
  /** HMAC-SHA256 hex over buyerId + "\n" + nick + "\n" + expires, made by the shop. */
  signature: string;
}

export interface WidgetConfig {
  shopId: string;
  mode: "float" | "page";
  /** Origin of the QinDesk server: the script's own origin, not the host page's. */
  apiOrigin: string;
  identity: BuyerIdentity | null;
  /** Explicit data-lang; otherwise the browser's languages decide. */
  lang: string | null;
}

export interface AttributeSource {
  getAttribute(name: string): string | null;
}

export type ConfigResult = { ok: true; config: WidgetConfig; warnings: string[] } | { ok: false; error: string };

export function parseWidgetConfig(
  script: AttributeSource,
  scriptSrc: string,
  pageUrl: string,
  nowSeconds: number,
): ConfigResult {
  const shopId = script.getAttribute("data-shop")?.trim();
  if (!shopId) return { ok: false, error: "QinDesk widget: the script tag needs data-shop=\"SHOP_ID\"" };
  let apiOrigin: string;
  try {
    apiOrigin = new URL(scriptSrc || pageUrl, pageUrl).origin;
  } catch {
    return { ok: false, error: "QinDesk widget: cannot work out the server address from the script src" };
  }
  const warnings: string[] = [];
  const identity = parseIdentity(script, nowSeconds, warnings);
  return {
    ok: true,
    warnings,
    config: {
      shopId,
      mode: script.getAttribute("data-mode") === "page" ? "page" : "float",
      apiOrigin,
      identity,
      lang: script.getAttribute("data-lang")?.trim() || null,
    },
  };
}

/**
 * All four data-buyer-* attributes or none. A partial or expired identity is dropped with a
 * warning: the buyer can still chat as an anonymous visitor, which beats a dead widget.
 */
export function parseIdentity(script: AttributeSource, nowSeconds: number, warnings: string[]): BuyerIdentity | null {
  const buyerId = script.getAttribute("data-buyer-id")?.trim() ?? "";
  const nick = script.getAttribute("data-buyer-nick")?.trim() ?? "";
  const expiresText = script.getAttribute("data-expires")?.trim() ?? "";
  const signature = script.getAttribute("data-signature")?.trim().toLowerCase() ?? "";
  const present = [buyerId, nick, expiresText, signature].filter(Boolean).length;
  if (present === 0) return null;
  if (present < 4) {
    warnings.push("QinDesk widget: data-buyer-id, data-buyer-nick, data-expires and data-signature go together; ignoring the buyer identity");
    return null;
  }
  if (!/^\d{1,12}$/.test(expiresText)) {
    warnings.push("QinDesk widget: data-expires must be unix seconds; ignoring the buyer identity");
    return null;
  }
  const expires = Number(expiresText);
  if (expires <= nowSeconds) {
    warnings.push("QinDesk widget: the buyer identity has expired; chatting as a visitor");
    return null;
  }
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    warnings.push("QinDesk widget: data-signature must be a 64-character HMAC-SHA256 hex; ignoring the buyer identity");
    return null;
  }
  return { buyerId, nick, expires, signature };
}

/** ws:// or wss:// URL of the buyer socket on the API origin. */
export function socketUrl(apiOrigin: string, token: string): string {
  const url = new URL("/api/widget/ws", apiOrigin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("token", token);
  return url.toString();
}

export const storageKeys = {
  visitor: (shopId: string) => `qindesk.visitor.${shopId}`,
  outbox: (shopId: string) => `qindesk.outbox.${shopId}`,
  seen: (shopId: string) => `qindesk.seen.${shopId}`,
};
