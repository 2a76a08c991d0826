// Small pure helpers for showing messages: prices, times, and which image URLs may be shown.

/** ¥ with two decimals from integer cents (fen); negative amounts keep their sign. */
export function formatPrice(priceCents: number): string {
  const sign = priceCents < 0 ? "-" : "";
  const cents = Math.abs(Math.round(priceCents));
  const yuan = Math.floor(cents / 100);
  return `${sign}¥${yuan}.${String(cents % 100).padStart(2, "0")}`;
}

/** HH:MM in the buyer's own clock; empty for an unreadable time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

/**
 * The src to show for a message or product image, or null. Images are data: URLs the buyer
 * made, /uploads/ paths on the QinDesk server (not the host page), or http(s) product
 * pictures; anything else (javascript:, data:text/html…) is not shown.
 */
export function safeImageSrc(url: string | null | undefined, apiOrigin: string): string | null {
  if (!url) return null;
  if (/^data:image\/(png|jpe?g|gif|webp);base64,/i.test(url)) return url;
  try {
    const resolved = new URL(url, apiOrigin);
    return resolved.protocol === "https:" || resolved.protocol === "http:" ? resolved.toString() : null;
  } catch {
    return null;
  }
}
