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
