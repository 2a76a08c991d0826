// The shipped model (../data/model.json) is the analyzer trained on the
// training files, so a process answers its first message without training for
// a second. It records a hash of everything training reads (the data and the
// code that turns text into features); if that no longer matches, the file is
// stale and the caller trains afresh instead of trusting it, and the test
// suite fails until `npx tsx server/src/modules/assistant/intent/build-model.ts`
// is run again.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { BuyerMessageAnalyzer, type SerializedAnalyzer } from "./analyzer";
import { DATA_DIR, trainingFile } from "./dataset";
import { LANGUAGES } from "./labels";

export const MODEL_FILE = new URL("model.json", DATA_DIR);

// 2: weights in two bytes each (1 had one).
const FORMAT = 2;

// Every file whose content changes what training produces.
const TRAINING_INPUTS: readonly URL[] = [
  ...LANGUAGES.map((lang) => trainingFile(lang)),
  new URL("./normalize.ts", import.meta.url),
  new URL("./features.ts", import.meta.url),
  new URL("./lexicon.ts", import.meta.url),
  new URL("./cues-pre-sale.ts", import.meta.url),
  new URL("./cues-after-sale.ts", import.meta.url),
  new URL("./softmax.ts", import.meta.url),
  new URL("./analyzer.ts", import.meta.url),
  new URL("./labels.ts", import.meta.url),
  new URL("../sentiment/lexicon.ts", import.meta.url),
  new URL("../sentiment/index.ts", import.meta.url),
];

interface ModelFile extends SerializedAnalyzer {
  format: number;
  sourceHash: string;
}

/** SHA-256 over the training inputs (line endings normalised, so a Windows checkout agrees). */
export function trainingSourceHash(): string {
  const hash = createHash("sha256");
  for (const file of TRAINING_INPUTS) {
    hash.update(file.pathname.split("/").slice(-2).join("/") + "\n");
    hash.update(readFileSync(file, "utf8").replace(/\r\n/g, "\n"));
  }
  return hash.digest("hex");
}

/** The shipped analyzer, or undefined when the file is missing, unreadable or stale. */
export function readShippedAnalyzer(): BuyerMessageAnalyzer | undefined {
  let file: ModelFile;
  try {
    file = JSON.parse(readFileSync(MODEL_FILE, "utf8")) as ModelFile;
  } catch {
    return undefined;
  }
  if (file.format !== FORMAT || file.sourceHash !== trainingSourceHash()) return undefined;
  try {
    return BuyerMessageAnalyzer.deserialize(file);
  } catch {
    return undefined;
  }
}

/** The recorded hash of the shipped file (undefined if there is none). */
export function shippedSourceHash(): string | undefined {
  try {
    return (JSON.parse(readFileSync(MODEL_FILE, "utf8")) as ModelFile).sourceHash;
  } catch {
    return undefined;
  }
}

export function writeShippedAnalyzer(analyzer: BuyerMessageAnalyzer): void {
  const file: ModelFile = { format: FORMAT, sourceHash: trainingSourceHash(), ...analyzer.serialize() };
  writeFileSync(MODEL_FILE, JSON.stringify(file) + "\n");
}
