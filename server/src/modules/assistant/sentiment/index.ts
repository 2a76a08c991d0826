// The buyer's mood in one message. The learned model (trained beside the intent
// model, see intent/analyzer.ts) reads the message's words plus the mood cues
// below; ruleSentiment is the cue-only reading, kept as the measured baseline.
import { normalizeText } from "../intent/normalize";
import type { Sentiment } from "../intent/labels";
import { moodCues, moodFeatures } from "./lexicon";

export { moodCues, moodFeatures } from "./lexicon";

/** Mood from cue words alone: a negative cue wins over a positive one ("谢谢，但是太慢了"). */
export function ruleSentiment(text: string): Sentiment {
  const cues = moodCues(normalizeText(text));
  if (cues.negative) return "negative";
  if (cues.positive) return "positive";
  return "neutral";
}

/** Sentiment features: the message features plus the mood cues of its normalised text. */
export function sentimentFeatures(messageFeatures: string[], normalized: string): string[] {
  return [...messageFeatures, ...moodFeatures(normalized)];
}
