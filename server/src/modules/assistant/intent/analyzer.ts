// Intent and sentiment of a buyer message, learned from labelled lines. The
// same class serves the product (trained once on the whole data set) and the
// benchmark (trained per cross-validation fold), so what is measured is what ships.
import { sentimentFeatures } from "../sentiment/index";
import type { LabelledMessage } from "./dataset";
import { messageFeatures } from "./features";
import { INTENTS, SENTIMENTS, type Intent, type Sentiment } from "./labels";
import { normalizeText } from "./normalize";
import { SoftmaxModel, type SerializedSoftmax, type SoftmaxOptions } from "./softmax";

export interface BuyerMessageAnalysis {
  intent: Intent;
  /** Probability the model gives its chosen intent, in [0, 1]. */
  confidence: number;
  sentiment: Sentiment;
}

// Chosen by 5-fold cross-validation on the training files (bench/assistant-accuracy.ts).
const INTENT_OPTIONS: Partial<SoftmaxOptions> = { learningRate: 2.5, epochs: 10, l2: 1e-3, minCount: 2 };
const SENTIMENT_OPTIONS: Partial<SoftmaxOptions> = { learningRate: 2.5, epochs: 8, l2: 1e-4, minCount: 3 };

export interface SerializedAnalyzer {
  intent: SerializedSoftmax;
  sentiment: SerializedSoftmax;
}

export class BuyerMessageAnalyzer {
  private constructor(
    private readonly intentModel: SoftmaxModel,
    private readonly sentimentModel: SoftmaxModel,
  ) {}

  static train(rows: readonly LabelledMessage[]): BuyerMessageAnalyzer {
    const intentDocs: string[][] = [];
    const sentimentDocs: string[][] = [];
    for (const row of rows) {
      const features = messageFeatures(row.text);
      intentDocs.push(features);
      sentimentDocs.push(sentimentFeatures(features, normalizeText(row.text)));
    }
    const intentModel = SoftmaxModel.train(
      intentDocs,
      rows.map((r) => INTENTS.indexOf(r.intent)),
      INTENTS.length,
      INTENT_OPTIONS,
    );
    const sentimentModel = SoftmaxModel.train(
      sentimentDocs,
      rows.map((r) => SENTIMENTS.indexOf(r.sentiment)),
      SENTIMENTS.length,
      SENTIMENT_OPTIONS,
    );
    return new BuyerMessageAnalyzer(intentModel, sentimentModel);
  }

  serialize(): SerializedAnalyzer {
    return { intent: this.intentModel.serialize(), sentiment: this.sentimentModel.serialize() };
  }

  static deserialize(data: SerializedAnalyzer): BuyerMessageAnalyzer {
    const intentModel = SoftmaxModel.deserialize(data.intent);
    const sentimentModel = SoftmaxModel.deserialize(data.sentiment);
    if (intentModel.classCount !== INTENTS.length || sentimentModel.classCount !== SENTIMENTS.length) {
      throw new Error("model file: label sets differ from INTENTS/SENTIMENTS");
    }
    return new BuyerMessageAnalyzer(intentModel, sentimentModel);
  }

  analyze(text: string): BuyerMessageAnalysis {
    const normalized = normalizeText(text);
    if (normalized === "") return { intent: "other", confidence: 1, sentiment: "neutral" };
    const features = messageFeatures(text);
    const intentProbs = this.intentModel.predict(features);
    const intentIndex = argmax(intentProbs);
    const sentimentProbs = this.sentimentModel.predict(sentimentFeatures(features, normalized));
    return {
      intent: INTENTS[intentIndex] as Intent,
      confidence: intentProbs[intentIndex] as number,
      sentiment: SENTIMENTS[argmax(sentimentProbs)] as Sentiment,
    };
  }
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}
