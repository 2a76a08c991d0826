// The labelled buyer messages in ../data: one JSON Lines file per language for
// training, and a separately written holdout file used only to measure.
import { readFileSync } from "node:fs";
import { isIntent, isSentiment, LANGUAGES, type Intent, type Language, type Sentiment } from "./labels";

export interface LabelledMessage {
  text: string;
  intent: Intent;
  sentiment: Sentiment;
  lang: Language;
}

export const DATA_DIR = new URL("../data/", import.meta.url);

export function trainingFile(lang: Language): URL {
  return new URL(`buyer-messages.${lang}.jsonl`, DATA_DIR);
}

export const HOLDOUT_FILE = new URL("buyer-messages.holdout.jsonl", DATA_DIR);

/** Parses one data file; throws naming the file and line on any malformed record. */
export function readLabelledFile(file: URL): LabelledMessage[] {
  const rows: LabelledMessage[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${file.pathname.split("/").pop()}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    const r = record as Record<string, unknown>;
    if (typeof r.text !== "string" || r.text.trim() === "") throw new Error(`${where}: text missing`);
    if (!isIntent(r.intent)) throw new Error(`${where}: unknown intent ${String(r.intent)}`);
    if (!isSentiment(r.sentiment)) throw new Error(`${where}: unknown sentiment ${String(r.sentiment)}`);
    if (!(LANGUAGES as readonly unknown[]).includes(r.lang)) throw new Error(`${where}: unknown lang ${String(r.lang)}`);
    rows.push({ text: r.text, intent: r.intent, sentiment: r.sentiment, lang: r.lang as Language });
  });
  return rows;
}

export function readTrainingSet(): LabelledMessage[] {
  return LANGUAGES.flatMap((lang) => readLabelledFile(trainingFile(lang)));
}

export function readHoldoutSet(): LabelledMessage[] {
  return readLabelledFile(HOLDOUT_FILE);
}
