// Buyer identity in the widget. The shop's own server may vouch for a buyer by signing
// (buyerId, nick, expires) with the shop's widget secret; without that the buyer is an
// anonymous visitor and can never claim a known buyer id. The widget then holds a
// short token the QinDesk server signs, so each socket and request knows its buyer.
import { createHmac } from "node:crypto";
import { safeEqual } from "../../platform/auth/tokens";

export interface SignedIdentity {
  buyerId: string;
  nick: string;
  /** Unix seconds. */
  expires: number;
  signature: string;
}

export function signIdentity(secret: string, buyerId: string, nick: string, expires: number): string {
  return createHmac("sha256", secret).update(`${buyerId}\n${nick}\n${expires}`).digest("hex");
}

export type IdentityCheck = { ok: true } | { ok: false; reason: "bad_signature" | "expired" };

export function verifyIdentity(secret: string, identity: SignedIdentity, nowSeconds = Date.now() / 1000): IdentityCheck {
  const expected = signIdentity(secret, identity.buyerId, identity.nick, identity.expires);
  // Compare first, then look at expiry: the comparison's time does not depend on it.
  if (!safeEqual(expected, identity.signature.toLowerCase())) return { ok: false, reason: "bad_signature" };
  if (identity.expires <= nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true };
}

const TOKEN_HOURS = 24;

/** A key for buyer tokens derived from (not equal to) the shop's identity secret. */
function tokenKey(shopSecret: string): Buffer {
  return createHmac("sha256", shopSecret).update("qindesk widget token v1").digest();
}

export function issueBuyerToken(shopSecret: string, shopId: string, customerId: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + TOKEN_HOURS * 3600;
  const body = `${shopId}.${customerId}.${expires}`;
  const mac = createHmac("sha256", tokenKey(shopSecret)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The shop a token claims, read before its secret is known; the token is checked after. */
export function tokenShopId(token: string): string | null {
  const parts = token.split(".");
  return parts.length === 4 ? parts[0]! : null;
}

export function readBuyerToken(shopSecret: string, token: string, now = Date.now()): { shopId: string; customerId: string } | null {
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [shopId, customerId, expires, mac] = parts as [string, string, string, string];
  const expected = createHmac("sha256", tokenKey(shopSecret)).update(`${shopId}.${customerId}.${expires}`).digest("base64url");
  if (!safeEqual(expected, mac)) return null;
  if (Number(expires) * 1000 <= now) return null;
  return { shopId, customerId };
}
