// The buyer's mood (CONTRACTS.md §6: negative / neutral / positive), on
// hand-written messages that are not in the training files.
import { describe, expect, it } from "vitest";
import { readTrainingSet } from "../intent/dataset";
import { analyzeBuyerMessage, type Sentiment } from "../intent/index";
import { ruleSentiment } from "./index";

const EXAMPLES: Array<[string, Sentiment]> = [
  ["等了一个星期还没到 太慢了！！！", "negative"],
  ["垃圾 质量太差 差评", "negative"],
  ["不喜欢 一点都不好看 气死了", "negative"],
  ["收到的鞋子开胶了 太失望了", "negative"],
  ["what a terrible experience, very disappointed", "negative"],
  ["너무 실망스럽네요 ㅠㅠ", "negative"],
  ["谢谢亲 衣服很喜欢", "positive"],
  ["超级好看 五星好评！", "positive"],
  ["love it, thank you so much!", "positive"],
  ["정말 마음에 들어요 감사합니다", "positive"],
  ["请问黑色有M码吗", "neutral"],
  ["什么时候发货呀", "neutral"],
  ["do you ship to Canada?", "neutral"],
  ["택배 보통 며칠 걸리나요?", "neutral"],
];

describe("sentiment of buyer messages", () => {
  it("uses messages that are not in the training files", () => {
    const training = new Set(readTrainingSet().map((r) => r.text));
    expect(EXAMPLES.map(([t]) => t).filter((t) => training.has(t))).toEqual([]);
  });

  it("reads the mood of each example", () => {
    for (const [text, sentiment] of EXAMPLES) {
      expect({ text, sentiment: analyzeBuyerMessage(text).sentiment }).toEqual({ text, sentiment });
    }
  });
});

describe("ruleSentiment (the cue-word baseline)", () => {
  it("turns negated praise into a complaint but keeps 不错 as praise", () => {
    expect(ruleSentiment("不喜欢")).toBe("negative");
    expect(ruleSentiment("不满意")).toBe("negative");
    expect(ruleSentiment("不错")).toBe("positive");
    expect(ruleSentiment("I don't like it")).toBe("negative");
  });

  it("lets a complaint outweigh a polite thank-you", () => {
    expect(ruleSentiment("谢谢 但是太慢了")).toBe("negative");
  });

  it("reads repeated question and exclamation marks as upset", () => {
    expect(ruleSentiment("发货了吗？？？")).toBe("negative");
    expect(ruleSentiment("到底什么时候发!!!")).toBe("negative");
    expect(ruleSentiment("发货了吗？")).toBe("neutral");
  });
});
