// Phone numbers and addresses are shown masked (138****1234) unless an agent allowed
// to see them asks, and that reveal is logged.
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  const keepEnd = 4;
  const keepStart = digits.length >= 11 ? 3 : 2;
  return digits.slice(0, keepStart) + "*".repeat(digits.length - keepStart - keepEnd) + digits.slice(-keepEnd);
}

/** Keeps the region (up to the district) and hides the street, building and house number. */
export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const region = /^(.*?(?:省|自治区|市))?(.*?(?:市|州|盟))?(.*?(?:区|县|旗))?/u.exec(address);
  const kept = region?.[0] ?? "";
  if (kept.length > 0 && kept.length < address.length) return kept + "****";
  // Not a Chinese address: keep the city and country at the end, never the first part
  // (the street): "12 Baker Street, London, UK" → "****, London, UK".
  const parts = address.split(",");
  if (parts.length > 2) return "****, " + parts.slice(-2).join(",").trim();
  if (parts.length === 2) return "****, " + parts[1]!.trim();
  return address.slice(0, Math.min(3, Math.floor(address.length / 3))) + "****";
}
