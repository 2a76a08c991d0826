// Times as the agent's language writes them: today → 14:05, earlier → 5/1 14:05.
export function formatTime(iso: string, language: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const sameDay = at.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: "2-digit", minute: "2-digit" }
    : { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(language, options).format(at);
}

export function formatPrice(cents: number, language: string, currency = "CNY"): string {
  return new Intl.NumberFormat(language, { style: "currency", currency }).format(cents / 100);
}

/** Order totals in yuan as shops write them (¥1,299.00) whatever the interface language. */
export function formatYuan(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const yuan = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(cents) / 100);
  return `${sign}¥${yuan}`;
}

/** "红色 / M" from an order line's colour and size, skipping what is missing. */
export function variantText(item: { color: string | null; size: string | null }): string {
  return [item.color, item.size].filter((part): part is string => Boolean(part && part.trim())).join(" / ");
}
