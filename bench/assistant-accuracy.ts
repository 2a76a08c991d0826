// Accuracy of the buyer-message classifier (intent + sentiment), run with
// `npx tsx bench/assistant-accuracy.ts`.
//  - 5-fold cross-validation on the training files: a model trained on four
//    fifths labels the fifth it never saw; overall and per language.
//  - The separately written holdout file, labelled by the shipped model.
//  - Raw baselines in the same run: majority class, and keyword cues alone
//    (the lexicon without learning; mood words alone for sentiment).
//  - Speed: model load time and messages/s of analyzeBuyerMessage.
import { BuyerMessageAnalyzer } from "../server/src/modules/assistant/intent/analyzer";
import { readHoldoutSet, readTrainingSet, type LabelledMessage } from "../server/src/modules/assistant/intent/dataset";
import { analyzeBuyerMessage, loadBuyerMessageModel } from "../server/src/modules/assistant/intent/index";
import { INTENTS, LANGUAGES, type Intent, type Sentiment } from "../server/src/modules/assistant/intent/labels";
import { matchedCues } from "../server/src/modules/assistant/intent/lexicon";
import { normalizeText } from "../server/src/modules/assistant/intent/normalize";
import { mulberry32, shuffle } from "../server/src/modules/assistant/intent/softmax";
import { ruleSentiment } from "../server/src/modules/assistant/sentiment/index";

interface Prediction {
  row: LabelledMessage;
  intent: Intent;
  confidence: number;
  sentiment: Sentiment;
}

type Classifier = (text: string) => { intent: Intent; confidence: number; sentiment: Sentiment };

const FOLDS = 5;

function keywordOnly(text: string): { intent: Intent; confidence: number; sentiment: Sentiment } {
  const cues = matchedCues(normalizeText(text));
  const intent = cues.find((c) => c !== "greeting" && c !== "other") ?? cues[0] ?? "other";
  return { intent, confidence: 1, sentiment: ruleSentiment(text) };
}

function majority(rows: readonly LabelledMessage[]): Classifier {
  const count = (key: "intent" | "sentiment") => {
    const tally = new Map<string, number>();
    for (const r of rows) tally.set(r[key], (tally.get(r[key]) ?? 0) + 1);
    return [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const intent = count("intent") as Intent;
  const sentiment = count("sentiment") as Sentiment;
  return () => ({ intent, confidence: 1, sentiment });
}

function predictAll(rows: readonly LabelledMessage[], classify: Classifier): Prediction[] {
  return rows.map((row) => ({ row, ...classify(row.text) }));
}

/** Each row predicted by a model that did not see it (seeded, language-balanced folds). */
function crossValidate(rows: readonly LabelledMessage[], makeClassifier: (train: LabelledMessage[]) => Classifier): Prediction[] {
  const order = rows.map((_, i) => i);
  shuffle(order, mulberry32(42));
  const fold = new Map<number, number>();
  order.forEach((rowIndex, position) => fold.set(rowIndex, position % FOLDS));
  const out: Prediction[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.filter((_, i) => fold.get(i) !== k);
    const test = rows.filter((_, i) => fold.get(i) === k);
    out.push(...predictAll(test, makeClassifier(train)));
  }
  return out;
}

interface Scores {
  n: number;
  intentAccuracy: number;
  macroF1: number;
  sentimentAccuracy: number;
}

function score(predictions: readonly Prediction[]): Scores {
  const n = predictions.length;
  let intentOk = 0;
  let sentimentOk = 0;
  const tp = new Map<Intent, number>();
  const fp = new Map<Intent, number>();
  const fn = new Map<Intent, number>();
  for (const p of predictions) {
    if (p.sentiment === p.row.sentiment) sentimentOk++;
    if (p.intent === p.row.intent) {
      intentOk++;
      tp.set(p.intent, (tp.get(p.intent) ?? 0) + 1);
    } else {
      fp.set(p.intent, (fp.get(p.intent) ?? 0) + 1);
      fn.set(p.row.intent, (fn.get(p.row.intent) ?? 0) + 1);
    }
  }
  const present = INTENTS.filter((i) => predictions.some((p) => p.row.intent === i));
  let f1Sum = 0;
  for (const intent of present) {
    const t = tp.get(intent) ?? 0;
    const precision = t + (fp.get(intent) ?? 0) === 0 ? 0 : t / (t + (fp.get(intent) ?? 0));
    const recall = t / (t + (fn.get(intent) ?? 0));
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { n, intentAccuracy: intentOk / n, macroF1: f1Sum / present.length, sentimentAccuracy: sentimentOk / n };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + "%";

function table(title: string, ours: readonly Prediction[], keyword: readonly Prediction[], major: readonly Prediction[]): void {
  console.log(`\n${title}`);
  console.log("  slice   n     | ours: intent  macroF1  sentiment | keyword-only: intent  sentiment | majority: intent  sentiment | intent ratio ours/keyword");
  const slices: Array<[string, (p: Prediction) => boolean]> = [["all", () => true], ...LANGUAGES.map((l): [string, (p: Prediction) => boolean] => [l, (p) => p.row.lang === l])];
  for (const [name, keep] of slices) {
    const o = score(ours.filter(keep));
    const k = score(keyword.filter(keep));
    const m = score(major.filter(keep));
    console.log(
      `  ${name.padEnd(5)} ${String(o.n).padStart(5)}   |       ${pct(o.intentAccuracy)}   ${pct(o.macroF1)}   ${pct(o.sentimentAccuracy)}   |               ${pct(k.intentAccuracy)}     ${pct(k.sentimentAccuracy)}   |           ${pct(m.intentAccuracy)}     ${pct(m.sentimentAccuracy)}   | ${(o.intentAccuracy / k.intentAccuracy).toFixed(2)}x`,
    );
  }
}

function calibration(predictions: readonly Prediction[]): void {
  const bins = [0, 0.5, 0.7, 0.9, 1.0001];
  console.log("  confidence bin   n    mean confidence   accuracy");
  for (let b = 0; b + 1 < bins.length; b++) {
    const lo = bins[b] as number;
    const hi = bins[b + 1] as number;
    const inBin = predictions.filter((p) => p.confidence >= lo && p.confidence < hi);
    if (inBin.length === 0) continue;
    const meanConfidence = inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((p) => p.intent === p.row.intent).length / inBin.length;
    console.log(`  [${lo.toFixed(1)}, ${Math.min(hi, 1).toFixed(1)})  ${String(inBin.length).padStart(5)}   ${pct(meanConfidence)}          ${pct(accuracy)}`);
  }
}

function main(): void {
  const training = readTrainingSet();
  const holdout = readHoldoutSet();
  console.log(`Training lines: ${training.length} (${LANGUAGES.map((l) => `${l} ${training.filter((r) => r.lang === l).length}`).join(", ")}); holdout lines: ${holdout.length}`);

  const loadStart = performance.now();
  loadBuyerMessageModel();
  const loadMs = performance.now() - loadStart;

  const cvOurs = crossValidate(training, (train) => {
    const model = BuyerMessageAnalyzer.train(train);
    return (text) => model.analyze(text);
  });
  const cvKeyword = predictAll(training, keywordOnly);
  const cvMajority = crossValidate(training, majority);
  table(`${FOLDS}-fold cross-validation on the training files`, cvOurs, cvKeyword, cvMajority);

  const hoOurs = predictAll(holdout, analyzeBuyerMessage);
  table("Holdout file (shipped model, trained on all training files)", hoOurs, predictAll(holdout, keywordOnly), predictAll(holdout, majority(training)));

  console.log("\nConfidence vs accuracy (cross-validation predictions)");
  calibration(cvOurs);

  const misses = hoOurs.filter((p) => p.intent !== p.row.intent);
  if (process.argv.includes("--misses")) {
    console.log("\nHoldout misses");
    for (const p of misses) console.log(`  ${p.row.lang} ${p.row.intent} -> ${p.intent} (${p.confidence.toFixed(2)})  ${p.row.text}`);
  }

  const texts = holdout.map((r) => r.text);
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    for (const t of texts) analyzeBuyerMessage(t);
    done += texts.length;
  }
  const perSecond = done / ((performance.now() - start) / 1000);
  const keywordStart = performance.now();
  let keywordDone = 0;
  while (performance.now() - keywordStart < 500) {
    for (const t of texts) keywordOnly(t);
    keywordDone += texts.length;
  }
  const keywordPerSecond = keywordDone / ((performance.now() - keywordStart) / 1000);
  console.log("\n(The holdout was looked at during development; data/README.md records its first-look scores.)");
  console.log(`Model load (jieba dictionary + shipped model file, or training if the file is stale): ${loadMs.toFixed(0)} ms`);
  console.log(`analyzeBuyerMessage: ${perSecond.toFixed(0)} messages/s; keyword-only baseline: ${keywordPerSecond.toFixed(0)} messages/s (ratio ${(perSecond / keywordPerSecond).toFixed(2)}x)`);
}

main();
