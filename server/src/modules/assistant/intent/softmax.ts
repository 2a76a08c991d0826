// Multinomial logistic regression over sparse binary features, trained with
// plain SGD and a decaying step. Small enough to train from the labelled lines at first use
// (a few hundred milliseconds), so the shipped behaviour can never drift from
// the data set it was built from.

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Features seen in fewer training messages than this are dropped. */
  minCount: number;
}

export const DEFAULT_OPTIONS: SoftmaxOptions = { epochs: 12, learningRate: 0.5, l2: 1e-5, seed: 20240611, minCount: 1 };

const QUANT_MAX = 32767;

/** A trained model as stored in the shipped model file. */
export interface SerializedSoftmax {
  classCount: number;
  features: string[];
  bias: number[];
  /** Weights, one signed 16-bit little-endian integer each on a square-root scale (feature-major), base64. */
  weights: string;
  scale: number;
}

interface SparseDoc {
  indices: Int32Array;
  value: number;
}

export class SoftmaxModel {
  private constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    readonly classCount: number,
  ) {}

  static train(docs: string[][], labels: number[], classCount: number, options: Partial<SoftmaxOptions> = {}): SoftmaxModel {
    const opts = { ...DEFAULT_OPTIONS, ...options };
    const counts = new Map<string, number>();
    for (const features of docs) for (const f of new Set(features)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const vocabulary = new Map<string, number>();
    for (const [f, count] of counts) if (count >= opts.minCount) vocabulary.set(f, vocabulary.size);
    const model = new SoftmaxModel(vocabulary, new Float64Array(vocabulary.size * classCount), new Float64Array(classCount), classCount);
    const sparse = docs.map((features) => model.encode(features));
    const order = docs.map((_, i) => i);
    const random = mulberry32(opts.seed);
    const probs = new Float64Array(classCount);
    const { weights, bias } = model;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      shuffle(order, random);
      const rate = opts.learningRate / (1 + epoch * 0.5);
      const decay = 1 - rate * opts.l2;
      for (const i of order) {
        const doc = sparse[i] as SparseDoc;
        const label = labels[i] as number;
        model.scoresInto(doc, probs);
        softmaxInPlace(probs);
        for (let k = 0; k < classCount; k++) {
          const g = (probs[k] as number) - (k === label ? 1 : 0);
          // Classes already predicted near 0 (or the label near 1) would move by
          // less than rounding noise; skipping them is most of the speed.
          if (g > -1e-3 && g < 1e-3) continue;
          bias[k] = (bias[k] as number) - rate * g;
          const step = rate * g * doc.value;
          const indices = doc.indices;
          for (let j = 0; j < indices.length; j++) {
            const w = (indices[j] as number) * classCount + k;
            weights[w] = (weights[w] as number) * decay - step;
          }
        }
      }
    }
    return model;
  }

  // Weights are stored in two bytes each (little-endian) on a square-root scale.
  // One byte was too coarse: on messages where two intents are nearly tied, the
  // rounding alone could flip the answer between the shipped file and a model
  // trained afresh. With two, the shipped answers match to about 1e-4.
  serialize(): SerializedSoftmax {
    let max = 0;
    for (const w of this.weights) max = Math.max(max, Math.abs(w));
    const scale = max === 0 ? 1 : max;
    const bytes = Buffer.alloc(this.weights.length * 2);
    for (let i = 0; i < this.weights.length; i++) {
      const w = this.weights[i] as number;
      bytes.writeInt16LE(Math.sign(w) * Math.round(Math.sqrt(Math.abs(w) / scale) * QUANT_MAX), i * 2);
    }
    return {
      classCount: this.classCount,
      features: [...this.vocabulary.keys()],
      bias: Array.from(this.bias, (b) => Math.round(b * 1e6) / 1e6),
      weights: bytes.toString("base64"),
      scale,
    };
  }

  static deserialize(data: SerializedSoftmax): SoftmaxModel {
    const bytes = Buffer.from(data.weights, "base64");
    const count = data.features.length * data.classCount;
    if (bytes.byteLength !== count * 2 || data.bias.length !== data.classCount) throw new Error("model file: weights do not match features");
    const weights = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const q = bytes.readInt16LE(i * 2) / QUANT_MAX;
      weights[i] = Math.sign(q) * q * q * data.scale;
    }
    const vocabulary = new Map<string, number>();
    data.features.forEach((f, i) => vocabulary.set(f, i));
    return new SoftmaxModel(vocabulary, weights, Float64Array.from(data.bias), data.classCount);
  }

  /** Class probabilities of one message's features. */
  predict(features: string[]): Float64Array {
    const probs = new Float64Array(this.classCount);
    this.scoresInto(this.encode(features), probs);
    softmaxInPlace(probs);
    return probs;
  }

  // Binary presence, scaled to unit length: long messages should not be more
  // confident just because they have more n-grams.
  private encode(features: string[]): SparseDoc {
    const seen = new Set<number>();
    for (const f of features) {
      const index = this.vocabulary.get(f);
      if (index !== undefined) seen.add(index);
    }
    const indices = Int32Array.from(seen);
    return { indices, value: indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0 };
  }

  private scoresInto(doc: SparseDoc, out: Float64Array): void {
    const k = this.classCount;
    for (let c = 0; c < k; c++) out[c] = this.bias[c] as number;
    const { indices, value } = doc;
    const weights = this.weights;
    for (let j = 0; j < indices.length; j++) {
      const base = (indices[j] as number) * k;
      for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (weights[base + c] as number) * value;
    }
  }
}

function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const e = Math.exp((v[i] as number) - max);
    v[i] = e;
    sum += e;
  }
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / sum;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
}
