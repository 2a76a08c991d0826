// The shipped model file must be the model the training files produce.
// When this fails: npx tsx server/src/modules/assistant/intent/build-model.ts
import { describe, expect, it } from "vitest";
import { BuyerMessageAnalyzer } from "./analyzer";
import { readHoldoutSet, readTrainingSet } from "./dataset";
import { readShippedAnalyzer, shippedSourceHash, trainingSourceHash } from "./model-file";

describe("shipped model file", () => {
  it("was built from the current data and feature code", () => {
    expect(shippedSourceHash()).toBe(trainingSourceHash());
    expect(readShippedAnalyzer()).toBeInstanceOf(BuyerMessageAnalyzer);
  });

  it("answers like a model trained afresh from the data", () => {
    const shipped = readShippedAnalyzer() as BuyerMessageAnalyzer;
    const fresh = BuyerMessageAnalyzer.train(readTrainingSet());
    const texts = readHoldoutSet()
      .map((r) => r.text)
      .filter((_, i) => i % 3 === 0);
    for (const text of texts) {
      const a = shipped.analyze(text);
      const b = fresh.analyze(text);
      expect({ text, intent: a.intent, sentiment: a.sentiment }).toEqual({ text, intent: b.intent, sentiment: b.sentiment });
      expect(Math.abs(a.confidence - b.confidence)).toBeLessThan(0.05);
    }
  });
});
