// Behaviour of analyzeBuyerMessage on hand-written messages, none of them in the
// training files (asserted below). Expectations follow CONTRACTS.md §6: one
// intent per message, the one the reply must answer first.
import { describe, expect, it } from "vitest";
import { readTrainingSet } from "./dataset";
import { analyzeBuyerMessage, INTENTS, SENTIMENTS, type Intent } from "./index";

const EXAMPLES: Record<Intent, string[]> = {
  greeting: ["在吗亲亲？", "掌柜的你好呀", "hello, anyone at the shop?", "사장님 계세요~?"],
  product_question: ["这件连衣裙去参加婚礼穿合适吗", "does this coat have a removable lining?", "이 가방 노트북 수납되나요?"],
  size_fit: ["我162 体重108斤 穿M还是L", "I'm 5'4 and 120 lbs, small or medium?", "키 163에 53kg 어떤 사이즈가 맞아요?"],
  color_difference: ["实物和图片有色差吗 想看实拍", "does the navy look the same as the photo in real life?", "실물 색이 사진이랑 많이 다른가요?"],
  material_quality: ["这件毛衣洗了会起球吗", "is the lining 100% silk or polyester?", "이 니트 보풀 생겨요?"],
  stock: ["请问XL码还有吗", "is the beige one still in stock in size S?", "베이지 L 재고 있어요?"],
  bargain: ["亲 便宜点呗 两件一起拍", "can you take 20% off if I pay now?", "조금만 깎아주시면 바로 구매할게요"],
  gift_or_free_shipping: ["包邮到青海吗", "do I get free shipping on this order?", "사은품 좀 챙겨주실 수 있나요?"],
  discount_coupon: ["店铺现在有满减券吗", "is there a coupon for first-time buyers?", "쿠폰 적용 가능한가요?"],
  payment_safety: ["可以用花呗分期吗 会不会被骗", "can I pay cash on delivery?", "카드 할부 몇 개월까지 되나요?"],
  shipping_time: ["今天拍了几天能到广州", "how long will it take to arrive in Seoul?", "오늘 결제하면 언제 발송돼요?"],
  courier_choice: ["能给我发顺丰吗 补差价也行", "can you ship it by DHL please?", "우체국 택배로 보내주실 수 있어요?"],
  order_status: ["我前天拍的 发货了没", "has my order been shipped yet? order 9981", "제 주문 발송됐는지 확인 부탁해요"],
  logistics_stuck: ["物流三天了一直没更新", "tracking says delivered but nothing arrived", "배송 조회가 일주일째 그대로예요"],
  address_change: ["地址填错了 帮我改成新的", "please change the shipping address on my order", "배송지 주소를 잘못 적었어요"],
  wrong_item: ["我买的黑色 收到的是白色", "you sent me a size L but I ordered M", "주문한 색이랑 다른 색이 왔어요"],
  damaged_defective: ["收到的杯子碎了", "the zipper broke the first time I used it", "받자마자 지퍼가 고장났어요"],
  return_exchange_refund: ["M码小了 想换个L", "how do I get a refund for this?", "사이즈 교환하고 싶어요"],
  complaint: ["你们客服什么态度 我要投诉", "this is the worst customer service I've ever had", "응대가 너무 불친절해서 화나요"],
  usage_care: ["这件羊毛衫可以机洗吗", "can I put this in the dryer?", "손세탁해야 하나요?"],
  authenticity: ["是正品吗 假一赔几", "is this an authentic product or a replica?", "정품 맞는지 확인 가능해요?"],
  other: ["好的谢谢 拜拜", "thanks, that's all I needed", "감사합니다 수고하세요"],
};

// The boundaries CONTRACTS.md draws between neighbouring intents.
const BOUNDARIES: Array<[string, Intent]> = [
  ["还有S码吗亲", "stock"],
  ["我158穿S还是M", "size_fit"],
  ["能便宜十块吗", "bargain"],
  ["现在有没有可以用的券", "discount_coupon"],
  ["包邮到新疆吗", "gift_or_free_shipping"],
  ["几号能发货啊", "shipping_time"],
  ["发货了吗 我昨天付的款", "order_status"],
  ["快递四天不动了", "logistics_stuck"],
  ["发错颜色了 我要的是蓝色", "wrong_item"],
  ["衣服破了个洞", "damaged_defective"],
  ["不喜欢 想退掉", "return_exchange_refund"],
  ["物流五天不动 你们到底管不管！！", "logistics_stuck"],
  ["你们客服态度太差了！！", "complaint"],
  ["实物颜色会不会偏暗", "color_difference"],
  ["面料会不会很薄", "material_quality"],
  ["在吗老板", "greeting"],
  ["谢谢 再见", "other"],
  ["在吗 有没有L码", "stock"],
];

const norm = (t: string) => t.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

describe("analyzeBuyerMessage", () => {
  it("exports the 22 contract intents and 3 sentiments", () => {
    expect(INTENTS).toHaveLength(22);
    expect(new Set(INTENTS).size).toBe(22);
    expect([...SENTIMENTS]).toEqual(["negative", "neutral", "positive"]);
  });

  it("is tested on messages that are not in the training files", () => {
    const training = new Set(readTrainingSet().map((r) => norm(r.text)));
    const texts = [...Object.values(EXAMPLES).flat(), ...BOUNDARIES.map(([t]) => t)];
    expect(texts.filter((t) => training.has(norm(t)))).toEqual([]);
  });

  for (const intent of INTENTS) {
    it(`recognises ${intent}`, () => {
      for (const text of EXAMPLES[intent]) expect({ text, intent: analyzeBuyerMessage(text).intent }).toEqual({ text, intent });
    });
  }

  it("draws the contract's boundaries between neighbouring intents", () => {
    for (const [text, intent] of BOUNDARIES) expect({ text, intent: analyzeBuyerMessage(text).intent }).toEqual({ text, intent });
  });

  it("understands typed variants: full-width letters, slang and particles", () => {
    expect(analyzeBuyerMessage("有木有Ｍ码").intent).toBe("stock");
    expect(analyzeBuyerMessage("在么").intent).toBe("greeting");
    expect(analyzeBuyerMessage("肿么还木有发货").intent).toBe("order_status");
  });

  it("gives a confidence in [0, 1] and the same answer every time", () => {
    for (const text of ["亲，能便宜点吗", "?", "😂", "a".repeat(5000), "在吗".repeat(300)]) {
      const first = analyzeBuyerMessage(text);
      expect(first.confidence).toBeGreaterThanOrEqual(0);
      expect(first.confidence).toBeLessThanOrEqual(1);
      expect(INTENTS).toContain(first.intent);
      expect(SENTIMENTS).toContain(first.sentiment);
      expect(analyzeBuyerMessage(text)).toEqual(first);
    }
  });

  it("is more confident on a plain request than on a message mixing two intents", () => {
    const plain = analyzeBuyerMessage("包邮吗");
    const mixed = analyzeBuyerMessage("包邮吗 能不能再便宜点");
    expect(plain.confidence).toBeGreaterThan(mixed.confidence);
  });

  it("treats an empty or blank message as other and neutral", () => {
    expect(analyzeBuyerMessage("")).toEqual({ intent: "other", confidence: 1, sentiment: "neutral" });
    expect(analyzeBuyerMessage("   \n ").intent).toBe("other");
  });
});
