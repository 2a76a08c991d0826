// Integrity of the labelled buyer messages in ../data.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HOLDOUT_FILE, readHoldoutSet, readTrainingSet, trainingFile, type LabelledMessage } from "./dataset";
import { INTENTS, LANGUAGES, SENTIMENTS } from "./labels";

const training = readTrainingSet();
const holdout = readHoldoutSet();
const key = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const count = (rows: readonly LabelledMessage[], keep: (r: LabelledMessage) => boolean) => rows.filter(keep).length;

describe("labelled buyer messages", () => {
  it("has one well-formed record per line, in the file of its language", () => {
    for (const file of [...LANGUAGES.map((l) => trainingFile(l)), HOLDOUT_FILE]) {
      const lines = readFileSync(file, "utf8").split("\n").filter((l) => l !== "");
      for (const line of lines) {
        const record = JSON.parse(line) as Record<string, unknown>;
        expect(Object.keys(record).sort()).toEqual(["intent", "lang", "sentiment", "text"]);
        expect(typeof record.text === "string" && record.text.trim() === record.text && record.text !== "").toBe(true);
      }
    }
    for (const lang of LANGUAGES) {
      const rows = readTrainingSet().filter((r) => r.lang === lang);
      expect(rows.length).toBe(readFileSync(trainingFile(lang), "utf8").split("\n").filter((l) => l !== "").length);
    }
  });

  it("has at least 1,500 training messages, mostly Chinese, then English, then Korean", () => {
    expect(training.length).toBeGreaterThanOrEqual(1500);
    const share = (lang: string) => count(training, (r) => r.lang === lang) / training.length;
    expect(share("zh")).toBeGreaterThan(0.5);
    expect(share("en")).toBeGreaterThan(0.15);
    expect(share("ko")).toBeGreaterThan(0.1);
  });

  it("covers every intent with at least 30 examples, and in every language", () => {
    const minimum = { zh: 40, en: 15, ko: 10 } as const;
    for (const intent of INTENTS) {
      expect({ intent, n: count(training, (r) => r.intent === intent) >= 30 }).toEqual({ intent, n: true });
      for (const lang of LANGUAGES) {
        const n = count(training, (r) => r.intent === intent && r.lang === lang);
        expect({ intent, lang, enough: n >= minimum[lang] }).toEqual({ intent, lang, enough: true });
      }
    }
  });

  it("covers every sentiment in every language", () => {
    for (const lang of LANGUAGES) {
      for (const sentiment of SENTIMENTS) expect(count(training, (r) => r.lang === lang && r.sentiment === sentiment)).toBeGreaterThanOrEqual(10);
    }
  });

  it("labels complaints negative and thanks-only messages not negative", () => {
    expect(training.filter((r) => r.intent === "complaint" && r.sentiment !== "negative")).toEqual([]);
    expect(training.filter((r) => /^(谢谢|thanks?|감사합니다)[!！~。.]*$/i.test(r.text) && r.sentiment === "negative")).toEqual([]);
  });

  it("has no duplicate texts", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const r of [...training, ...holdout]) {
      const k = key(r.text);
      if (seen.has(k)) duplicates.push(r.text);
      seen.set(k, r.text);
    }
    expect(duplicates).toEqual([]);
  });

  it("keeps a separate holdout of roughly 15% that covers every intent and language", () => {
    const share = holdout.length / (holdout.length + training.length);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.25);
    for (const intent of INTENTS) {
      for (const lang of LANGUAGES) expect(count(holdout, (r) => r.intent === intent && r.lang === lang)).toBeGreaterThanOrEqual(1);
    }
    const trainingKeys = new Set(training.map((r) => key(r.text)));
    expect(holdout.filter((r) => trainingKeys.has(key(r.text))).map((r) => r.text)).toEqual([]);
  });
});
