import { describe, expect, it } from "vitest";
import { buyerTypeHint, type BuyerLine } from "./buyer-type";

const line = (text: string, intent: BuyerLine["intent"] = "product_question"): BuyerLine => ({ text, intent });

describe("buyer type (seed 001 §4)", () => {
  it("waits for three buyer messages", () => {
    expect(buyerTypeHint([line("亲"), line("在吗")])).toBeNull();
  });

  it("a novice who buys a gift and does not bargain, with no doubts", () => {
    expect(buyerTypeHint([line("在吗", "greeting"), line("我不太懂这个，想送妈妈，推荐一下哪个好"), line("那就这件吧，之前买过你家的")])).toEqual({
      knowledge: "novice",
      price: "generous",
      demand: "experienced",
      basedOn: 3,
    });
  });

  it("an expert who asks once about the price", () => {
    expect(
      buyerTypeHint([line("面料成分是什么，棉含量多少？", "material_quality"), line("克重大概多少g"), line("能便宜点吗", "bargain")]),
    ).toMatchObject({ knowledge: "expert", price: "probing" });
  });

  it("a hard bargainer who half-knows and doubts the pictures", () => {
    expect(
      buyerTypeHint([line("别家都说这种是纯棉的"), line("实物和图片一样吗？", "color_difference"), line("最低多少钱？不便宜不买", "bargain")]),
    ).toMatchObject({ knowledge: "partial", price: "hard", demand: "doubtful" });
    expect(buyerTypeHint([line("我知道这种料子"), line("别家便宜多了", "bargain"), line("再少点呗", "bargain")])).toMatchObject({ knowledge: "partial", price: "hard" });
  });

  it("a returning buyer checking one thing is experienced, not doubtful", () => {
    expect(buyerTypeHint([line("之前买过你家的"), line("这次颜色和上次一样吗？", "color_difference"), line("好的")])).toMatchObject({ demand: "experienced" });
  });

  it("a perfectionist who keeps asking about flaws", () => {
    expect(buyerTypeHint([line("有没有瑕疵？"), line("会不会有色差", "color_difference"), line("有问题怎么办")])).toMatchObject({ demand: "perfectionist" });
  });

  it("reads English and Korean too", () => {
    expect(buyerTypeHint([line("I don't know much about wool, can you recommend one?"), line("what's the lowest price?", "bargain"), line("thanks")])).toMatchObject({
      knowledge: "novice",
      price: "hard",
    });
    expect(buyerTypeHint([line("안녕하세요", "greeting"), line("정품 맞나요?", "authenticity"), line("감사합니다")])).toMatchObject({ demand: "doubtful" });
  });
});
