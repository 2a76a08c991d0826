// The seeds' script library (data/script-library.json): the standard phrases of seeds
// 000, 001, 003 and 004, each tagged with its seed, intent and pre-sales stage, in
// zh-CN, en and ko. A shop loads it as its starting quick replies (every script, for the
// teams it names) and FAQ (the scripts that answer a buyer's question); loading again
// adds only what is missing, so it never duplicates. The file is checked when first read:
// a broken edit fails the tests, not a shop at runtime.
import { readFileSync } from "node:fs";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { INTENTS } from "../assistant/intent/labels";
import { PRESALES_STAGES, type Team } from "../conversations/chat-protocol";
import { faqEntries } from "./faq.schema";
import { quickReplies } from "./knowledge.schema";
import { unfilledVariables } from "./variables";

export const LIBRARY_LOCALES = ["zh-CN", "en", "ko"] as const;
export type LibraryLocale = (typeof LIBRARY_LOCALES)[number];

const inLocales = <T extends z.ZodType>(shape: T) => z.strictObject({ "zh-CN": shape, en: shape, ko: shape });
const teams = z.array(z.enum(["presales", "aftersales"])).min(1);

const scriptShape = z.strictObject({
  key: z.string().regex(/^\d{3}-[a-z0-9-]+$/),
  seed: z.enum(["000", "001", "002", "003", "004"]),
  /** Where in the seed: its section and heading. */
  where: z.string().min(1),
  /** The seed's own words (simplified characters). */
  quote: z.string().min(1),
  /** The seed gives guidance, not words to say: the text turns it into a sentence. */
  adapted: z.boolean().optional(),
  intent: z.enum(INTENTS),
  /** The pre-sales stage it belongs to; null for after-sales and anytime phrases. */
  stage: z.enum(PRESALES_STAGES).nullable(),
  teams,
  shortcut: z.string().regex(/^[a-z0-9]+$/),
  category: z.string(),
  text: inLocales(z.string().min(1)),
  /** Where the seed describes the buyer instead of quoting them. */
  questionsFrom: z.string().optional(),
  questions: inLocales(z.array(z.string().min(1)).min(1)).optional(),
});

const libraryShape = z.strictObject({
  format: z.literal("qindesk-script-library"),
  version: z.literal(1),
  about: z.string(),
  categories: z.record(z.string(), inLocales(z.string().min(1))),
  scripts: z.array(scriptShape).min(1),
});

export type Script = z.infer<typeof scriptShape>;
export type ScriptLibrary = z.infer<typeof libraryShape>;

/** Parses and checks the library: unique keys and shortcuts, known categories, the same {variables} in every language. */
export function parseScriptLibrary(raw: unknown): ScriptLibrary {
  const library = libraryShape.parse(raw);
  const keys = new Set<string>();
  const shortcuts = new Set<string>();
  for (const script of library.scripts) {
    if (keys.has(script.key)) throw new Error(`script library: key ${script.key} twice`);
    if (shortcuts.has(script.shortcut)) throw new Error(`script library: shortcut ${script.shortcut} twice`);
    keys.add(script.key);
    shortcuts.add(script.shortcut);
    if (!library.categories[script.category]) throw new Error(`script library: ${script.key} has unknown category ${script.category}`);
    const variables = (locale: LibraryLocale) => unfilledVariables(script.text[locale]).sort().join(",");
    for (const locale of LIBRARY_LOCALES) {
      if (variables(locale) !== variables("zh-CN")) throw new Error(`script library: ${script.key} uses other variables in ${locale}`);
    }
  }
  return library;
}

let loaded: ScriptLibrary | undefined;

export function scriptLibrary(): ScriptLibrary {
  loaded ??= parseScriptLibrary(JSON.parse(readFileSync(new URL("./data/script-library.json", import.meta.url), "utf8")));
  return loaded;
}

export interface LibraryQuickReply {
  teams: Team[];
  category: string;
  shortcut: string;
  text: string;
  intent: string;
}

/** Every script as a team phrase, in one language. */
export function libraryQuickReplies(locale: LibraryLocale = "zh-CN"): LibraryQuickReply[] {
  const library = scriptLibrary();
  return library.scripts.map((s) => ({
    teams: s.teams,
    category: library.categories[s.category]![locale],
    shortcut: s.shortcut,
    text: s.text[locale],
    intent: s.intent,
  }));
}

/** The phrases a new workspace starts with: the library's, in Chinese. */
export const DEFAULT_QUICK_REPLIES: readonly LibraryQuickReply[] = libraryQuickReplies("zh-CN");

/**
 * Gives both teams the library's phrases; a shortcut a team already has is kept as it is
 * (the shop may have changed it), only given the library's intent label if it has none
 * and still says the library's words. Counts the phrases added.
 */
export async function loadLibraryQuickReplies(db: Db, workspaceId: string, locale: LibraryLocale = "zh-CN"): Promise<number> {
  const rows = libraryQuickReplies(locale).flatMap(({ teams: forTeams, ...reply }) =>
    forTeams.map((team) => ({ id: newId("qr"), workspaceId, scope: "team" as const, team, ownerId: null, ...reply })),
  );
  const added = await db.insert(quickReplies).values(rows).onConflictDoNothing().returning({ id: quickReplies.id });
  for (const reply of libraryQuickReplies(locale)) {
    await db
      .update(quickReplies)
      .set({ intent: reply.intent })
      .where(
        and(
          eq(quickReplies.workspaceId, workspaceId),
          eq(quickReplies.scope, "team"),
          eq(quickReplies.shortcut, reply.shortcut),
          eq(quickReplies.text, reply.text),
          isNull(quickReplies.intent),
        ),
      );
  }
  return added.length;
}

/** The scripts that answer a buyer's question become approved FAQ entries of the shop. Counts the entries added. */
export async function loadLibraryFaq(db: Db, workspaceId: string, shopId: string, locale: LibraryLocale = "zh-CN"): Promise<number> {
  const library = scriptLibrary();
  const rows = library.scripts.flatMap((s) =>
    s.questions
      ? [
          {
            id: newId("faq"),
            workspaceId,
            shopId,
            status: "approved" as const,
            questions: s.questions[locale],
            answer: s.text[locale],
            category: library.categories[s.category]![locale],
            intent: s.intent,
            stage: s.stage,
            scopeType: "shop" as const,
            scopeValues: [],
            libraryKey: s.key,
            reviewedAt: sql`now()`,
          },
        ]
      : [],
  );
  if (rows.length === 0) return 0;
  const added = await db.insert(faqEntries).values(rows).onConflictDoNothing().returning({ id: faqEntries.id });
  return added.length;
}

/** A new workspace's phrase library (the owner loads the FAQ part per shop). */
export async function seedDefaultQuickReplies(db: Db, workspaceId: string): Promise<void> {
  await loadLibraryQuickReplies(db, workspaceId, "zh-CN");
}

/** Quick replies and FAQ for one shop, as one step (the demo shop at seeding; the owner's "load" action). */
export async function loadScriptLibrary(db: Db, workspaceId: string, shopId: string, locale: LibraryLocale = "zh-CN") {
  return db.transaction(async (tx) => ({
    quickReplies: await loadLibraryQuickReplies(tx, workspaceId, locale),
    faq: await loadLibraryFaq(tx, workspaceId, shopId, locale),
  }));
}
