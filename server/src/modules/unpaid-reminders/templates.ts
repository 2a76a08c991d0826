// 催付 templates (data/templates.json, a shop may rewrite each text) and their
// {variables}. A template is offered for an order only when every variable it uses has a
// value — true data about this order, its buyer's chat, the shop's promotion or cut-off —
// so a reminder never mentions a chat, promotion or deadline that is not there.
import { readFileSync } from "node:fs";
import { z } from "zod";

export const REMINDER_VARIABLES = [
  "buyer",
  "shop",
  /** The order's goods: the first item's title (等N件商品 when more). */
  "product",
  /** The shop's order number. */
  "order",
  "total",
  /** When the buyer last wrote: 今天, 昨天, 前天 or 11月3日 (shop days; within the last 7 days). */
  "chat_day",
  /** The product card last sent in the buyer's latest conversation (what they asked about). */
  "asked_product",
  "promotion",
  "promotion_end",
  /** The shop's shipping cut-off, HH:MM (paid before it ships the same day). */
  "cutoff",
  "courier",
] as const;
export type ReminderVariable = (typeof REMINDER_VARIABLES)[number];
export type ReminderValues = Record<ReminderVariable, string | null>;

const isVariable = (name: string): name is ReminderVariable => (REMINDER_VARIABLES as readonly string[]).includes(name);

export interface ReminderTemplate {
  key: string;
  text: string;
}

const fileShape = z.object({
  format: z.literal("qindesk-unpaid-reminder-templates"),
  version: z.literal(1),
  templates: z.array(z.strictObject({ key: z.string().regex(/^[a-z_]{1,40}$/), text: z.string().min(1).max(300) })).min(1),
});

let loaded: ReminderTemplate[] | null = null;

/** The built-in templates, in the order the automatic sequence prefers them. */
export function defaultTemplates(): ReminderTemplate[] {
  if (!loaded) {
    const parsed = fileShape.parse(JSON.parse(readFileSync(new URL("./data/templates.json", import.meta.url), "utf8")));
    for (const t of parsed.templates) {
      const unknown = unknownVariables(t.text);
      if (unknown.length) throw new Error(`templates.json: ${t.key} uses unknown {${unknown.join("}, {")}}`);
    }
    loaded = parsed.templates;
  }
  return loaded;
}

export const TEMPLATE_KEYS = () => defaultTemplates().map((t) => t.key);

/** The {names} in a text. */
function namesIn(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

export function variablesIn(text: string): ReminderVariable[] {
  return [...new Set(namesIn(text).filter(isVariable))];
}

export function unknownVariables(text: string): string[] {
  return [...new Set(namesIn(text).filter((name) => !isVariable(name)))];
}

/** Known variables without a value stay as {placeholders}: the agent sees what is missing. */
export function fillTemplate(text: string, values: ReminderValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (isVariable(name) ? (values[name] ?? whole) : whole));
}

/** The variables a text needs that this order has no value for. */
export function missingValues(text: string, values: ReminderValues): ReminderVariable[] {
  return variablesIn(text).filter((name) => !values[name]);
}

/** The shop's templates: its own texts (settings.unpaidReminders.templates) over the built-in ones. */
export function shopTemplates(settings: Record<string, unknown>): (ReminderTemplate & { custom: boolean; defaultText: string })[] {
  const custom = ((settings.unpaidReminders as { templates?: unknown } | undefined)?.templates ?? {}) as Record<string, unknown>;
  return defaultTemplates().map((t) => {
    const own = custom[t.key];
    const usable = typeof own === "string" && own.trim() !== "" && unknownVariables(own).length === 0;
    return { key: t.key, text: usable ? own : t.text, custom: usable, defaultText: t.text };
  });
}

/**
 * The template the automatic sequence sends: the first whose variables all have values,
 * preferring one not used for this order yet (the second reminder does not repeat the first).
 */
export function chooseAutomatic(templates: ReminderTemplate[], values: ReminderValues, usedKeys: (string | null)[]): ReminderTemplate | null {
  const available = templates.filter((t) => missingValues(t.text, values).length === 0);
  return available.find((t) => !usedKeys.includes(t.key)) ?? available[0] ?? null;
}
