// Public face of the buyer-message classifier (CONTRACTS.md §6): one intent of 22,
// a confidence, and one sentiment of 3. The model comes from the shipped model
// file (../data/model.json); if that is missing or stale it is trained from the
// labelled lines instead, which gives the same answers but takes a few seconds.
import { BuyerMessageAnalyzer, type BuyerMessageAnalysis } from "./analyzer";
import { readTrainingSet } from "./dataset";
import { warmSegmenter } from "./features";
import { readShippedAnalyzer } from "./model-file";

export { INTENTS, SENTIMENTS, isIntent, isSentiment, type Intent, type Sentiment } from "./labels";
export type { BuyerMessageAnalysis } from "./analyzer";

let analyzer: BuyerMessageAnalyzer | undefined;

/** Loads the model and the word segmenter now rather than on the first message (e.g. at server start). */
export function loadBuyerMessageModel(): void {
  if (analyzer) return;
  warmSegmenter();
  analyzer = readShippedAnalyzer() ?? BuyerMessageAnalyzer.train(readTrainingSet());
}

/** Intent, confidence (probability of that intent) and sentiment of one buyer message. */
export function analyzeBuyerMessage(text: string): BuyerMessageAnalysis {
  loadBuyerMessageModel();
  return (analyzer as BuyerMessageAnalyzer).analyze(text);
}
