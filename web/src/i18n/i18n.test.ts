import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOST_REASONS } from "../../../server/src/modules/workspace/shop-settings";
import { SETTINGS_TABS } from "../app/route";
import { FIGURE_KEYS } from "../features/figures/figures-format";
import { AUTO_REPLIES, PLATFORMS } from "../features/settings/settings-api";
import { ABILITY, PRESALES_STAGES } from "../platform/types";
import en from "./en.json";
import ko from "./ko.json";
import zhCN from "./zh-CN.json";

type Tree = { [key: string]: string | Tree };
const catalogs: Record<string, Tree> = { "zh-CN": zhCN, en, ko };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(catalogs).map(([lng, tree]) => [lng, flatten(tree)]));
const reference = flat["zh-CN"]!;
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("i18n catalogs", () => {
  it("have exactly the same keys in every language", () => {
    for (const [lng, keys] of Object.entries(flat)) {
      expect([...keys.keys()].sort(), `keys of ${lng}`).toEqual([...reference.keys()].sort());
    }
  });

  it("use the same {{variables}} in every language and no empty texts", () => {
    for (const [lng, keys] of Object.entries(flat)) {
      for (const [key, text] of keys) {
        expect(text.trim(), `${lng}:${key}`).not.toBe("");
        expect(variables(text), `${lng}:${key}`).toEqual(variables(reference.get(key)!));
      }
    }
  });

  it("contain every key the source code names", () => {
    const namespaces = Object.keys(zhCN).join("|");
    const literal = new RegExp(`["'\`]((?:${namespaces})(?:\\.[\\w-]+)+)["'\`]`, "g");
    const dir = fileURLToPath(new URL("..", import.meta.url));
    const used = new Set<string>();
    for (const file of sourceFiles(dir)) {
      for (const match of readFileSync(file, "utf8").matchAll(literal)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(80); // the scan itself works
    // Ability and socket event names share the dotted look of keys but are not texts.
    const notKeys = new Set<string>([...Object.values(ABILITY), "message.new", "message.ack", "message.send", "resume.done", "conversation.updated", "conversation.alert"]);
    const missing = [...used].filter((key) => !reference.has(key) && !notKeys.has(key));
    expect(missing).toEqual([]);
  });

  it("cover every value of the keys built at run time", () => {
    const families: Record<string, string[]> = {
      role: ["owner", "supervisor", "agent"],
      team: ["presales", "aftersales"],
      status: ["online", "busy", "away", "offline"],
      connection: ["idle", "connecting", "open", "reconnecting", "stopped"],
      "conversation.status": ["waiting", "open", "closed"],
      "message.kind": ["text", "image", "product"],
      queue: ["waiting", "mine", "team", "all"],
      "queue.empty": ["waiting", "mine", "team", "all"],
      "chat.delivery": ["sending", "sent", "read"],
      language: ["zh-CN", "en", "ko"],
      stage: [...PRESALES_STAGES],
      outcome: ["converted", "not_converted"],
      // Seed 002's default reasons; a shop's own reasons are shown as written.
      lostReason: DEFAULT_LOST_REASONS,
      orderStatus: ["created", "awaiting_payment", "paid", "shipped", "delivered", "completed", "cancelled", "refunding", "refunded"],
      platform: [...PLATFORMS],
      "settings.tab": [...SETTINGS_TABS],
      "settings.autoReply": [...AUTO_REPLIES],
      "settings.autoReplyHint": [...AUTO_REPLIES],
      "search.from": ["buyer", "agent", "bot", "system"],
      "figures.kpi": [...FIGURE_KEYS],
    };
    for (const [prefix, values] of Object.entries(families)) {
      for (const value of values) expect(reference.has(`${prefix}.${value}`), `${prefix}.${value}`).toBe(true);
    }
  });
});
