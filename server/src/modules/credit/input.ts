// The credit file of CONTRACTS §5 (`qindesk credit FILE`): one zod schema gives the
// validation and the file's type; parseCreditInput turns it into the engine's input
// or fails with ONE line naming the problem and the trade.
import { z } from "zod";
import { isValidTimeZone } from "../../platform/time/zone";
import { parseOffsetInstant } from "./iso-time";
import type { CreditInput, CreditTrade } from "./types";

/** A value as it appears in a message: strings quoted, long values cut. */
function show(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function requiredString(field: string) {
  return z.string({ error: (iss) => (iss.input === undefined ? `missing ${field}` : `${field} ${show(iss.input)} must be a string`) });
}

const ISO_TIME = "ISO 8601 time with an offset, e.g. 2026-03-02T10:00:00+08:00";

// Times are checked and converted after the schema, in one plain loop: zod's own
// transforms cost ~6 µs a trade, which a 1M-trade file would feel as half a minute.
function timeText(field: string) {
  return requiredString(field).describe(ISO_TIME);
}

function optionalTimeText(field: string) {
  return z
    .string({ error: (iss) => `${field} ${show(iss.input)} must be an ISO 8601 time with an offset, or null` })
    .nullish()
    .describe(`${ISO_TIME}, or null`);
}

function wholeDays(field: string) {
  return z
    .number({ error: (iss) => `${field} ${show(iss.input)} must be a number` })
    .refine((v) => Number.isSafeInteger(v) && v >= 0, { error: (iss) => `${field} ${show(iss.input)} must be a whole number ≥ 0` })
    .optional();
}

const SETTING_KEYS = "reviewWindowDays, defaultGoodAfterDays, monthlyPairCap, sameItemWindowDays, timezone";

export const creditSettingsSchema = z.strictObject(
  {
    reviewWindowDays: wholeDays("settings.reviewWindowDays"),
    defaultGoodAfterDays: wholeDays("settings.defaultGoodAfterDays"),
    monthlyPairCap: wholeDays("settings.monthlyPairCap"),
    sameItemWindowDays: wholeDays("settings.sameItemWindowDays"),
    timezone: z
      .string({ error: (iss) => `settings.timezone ${show(iss.input)} must be a string` })
      .refine(isValidTimeZone, { error: (iss) => `settings.timezone ${show(iss.input)} is not an IANA time zone` })
      .optional(),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `settings: unknown key ${show(iss.keys[0])} (expected ${SETTING_KEYS})`
        : `settings must be an object with ${SETTING_KEYS}`,
  },
);

export const creditTradeSchema = z.object(
  {
    id: requiredString("id").min(1, { error: "empty id" }),
    buyer: requiredString("buyer"),
    item: requiredString("item"),
    createdAt: timeText("createdAt"),
    // Any status string is accepted: only "success" counts (rule 1), others are shown as not counted.
    status: requiredString("status"),
    escrow: z.boolean({ error: (iss) => (iss.input === undefined ? "missing escrow" : `escrow ${show(iss.input)} must be true or false`) }),
    buyerRating: z
      .enum(["good", "neutral", "bad"], { error: (iss) => `unknown buyerRating ${show(iss.input)} (expected good, neutral, bad or null)` })
      .nullish(),
    buyerRatedAt: optionalTimeText("buyerRatedAt"),
    sellerRatedAt: optionalTimeText("sellerRatedAt"),
  },
  { error: (iss) => `must be an object, not ${show(iss.input)}` },
);

export const creditFileSchema = z.object(
  {
    asOf: timeText("asOf"),
    settings: creditSettingsSchema.nullish(),
    trades: z.array(creditTradeSchema, {
      error: (iss) => (iss.input === undefined ? "missing trades (expected an array)" : `trades must be an array, not ${show(iss.input)}`),
    }),
  },
  { error: () => "the credit file must be one JSON object with asOf, settings and trades" },
);

/** The credit file as written. */
export type CreditFile = z.input<typeof creditFileSchema>;

/** A failed credit file: `message` is one line, naming the trade when one is at fault. */
export class CreditInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CreditInputError";
  }
}

/** "trade t7"; ids with spaces or quotes are quoted so the message stays readable. */
function tradeName(id: string): string {
  return /^[^\s"]+$/u.test(id) && id.length <= 60 ? `trade ${id}` : `trade ${show(id)}`;
}

function tradeLabel(json: unknown, index: number): string {
  const trades = (json as { trades?: unknown[] }).trades;
  const id = (trades?.[index] as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" && id !== "" ? tradeName(id) : `trades[${index}]`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** Validate a parsed credit file (the JSON value) and convert it to engine input. */
export function parseCreditInput(json: unknown): CreditInput {
  const result = creditFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [head, index, field] = issue.path;
    let message = issue.message;
    if (head === "trades" && typeof index === "number") {
      // A bad id can't name its trade: fall back to its position.
      const label = field === "id" ? `trades[${index}]` : tradeLabel(json, index);
      message = `${label}: ${message}`;
    }
    throw new CreditInputError(oneLine(message));
  }
  return toEngineInput(result.data);
}

function instant(text: string, field: string, tradeId?: string): number {
  const ms = parseOffsetInstant(text);
  if (ms === null) {
    const where = tradeId === undefined ? "" : `${tradeName(tradeId)}: `;
    throw new CreditInputError(`${where}${field} ${show(text)} is not an ISO 8601 time with an offset`);
  }
  return ms;
}

/**
 * Times to epoch ms, and what a schema of one trade cannot see: ids unique across
 * trades, a buyer rating with its time.
 */
function toEngineInput(file: z.output<typeof creditFileSchema>): CreditInput {
  const asOf = instant(file.asOf, "asOf");
  const trades = new Array<CreditTrade>(file.trades.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < file.trades.length; i++) {
    const t = file.trades[i]!;
    const id = t.id;
    const first = seen.get(id);
    if (first !== undefined) throw new CreditInputError(`${tradeName(id)}: duplicate id (trades[${first}] and trades[${i}])`);
    seen.set(id, i);
    const createdAt = instant(t.createdAt, "createdAt", id);
    const buyerRating = t.buyerRating ?? null;
    const buyerRatedAt = t.buyerRatedAt == null ? null : instant(t.buyerRatedAt, "buyerRatedAt", id);
    const sellerRatedAt = t.sellerRatedAt == null ? null : instant(t.sellerRatedAt, "sellerRatedAt", id);
    if (buyerRating !== null && buyerRatedAt === null) throw new CreditInputError(`${tradeName(id)}: buyerRating "${buyerRating}" has no buyerRatedAt`);
    trades[i] = { id, buyer: t.buyer, item: t.item, createdAt, status: t.status, escrow: t.escrow, buyerRating, buyerRatedAt, sellerRatedAt };
  }
  return file.settings == null ? { asOf, trades } : { asOf, settings: file.settings, trades };
}
