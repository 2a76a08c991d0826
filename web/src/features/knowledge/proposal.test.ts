import { describe, expect, it } from "vitest";
import { canPick, generalize, proposalFrom, questionLines, type PickableMessage } from "./proposal";

const m = (key: string, from: PickableMessage["from"], text: string, seq?: number, kind = "text"): PickableMessage => ({ key, from, text, seq, kind });

describe("FAQ proposals from a chat", () => {
  it("cites only stored text messages of the buyer or an agent", () => {
    expect(canPick(m("a", "buyer", "有M码吗", 3))).toBe(true);
    expect(canPick(m("b", "agent", "有的", 4))).toBe(true);
    expect(canPick(m("c", "bot", "欢迎光临", 2))).toBe(false);
    expect(canPick(m("d", "agent", "发送中", undefined))).toBe(false);
    expect(canPick(m("e", "buyer", "", 5, "image"))).toBe(false);
  });

  it("puts the chat's nick, shop and product back as variables, longest first", () => {
    expect(generalize("小美您好，瑞丽女坊旗舰店的针织开衫有货", { buyer: "小美", shop: "瑞丽女坊旗舰店", product: "针织开衫" })).toBe("{buyer}您好，{shop}的{product}有货");
    expect(generalize("瑞丽女坊旗舰店", { shop: "瑞丽女坊旗舰店", buyer: "瑞丽" })).toBe("{shop}");
    // One-letter values would replace too much.
    expect(generalize("a b", { buyer: "a" })).toBe("a b");
  });

  it("drafts questions from the buyer's messages and the answer from the agent's, in chat order", () => {
    const chat = [m("1", "buyer", "在吗", 1), m("2", "bot", "欢迎", 2), m("3", "buyer", "能机洗吗", 3), m("4", "agent", "亲，建议手洗", 4), m("5", "agent", "小美放心", 5), m("6", "buyer", "能机洗吗", 6)];
    expect(proposalFrom(chat, new Set(["3", "4", "5", "6", "2"]), { buyer: "小美" })).toEqual({
      questions: "能机洗吗",
      answer: "亲，建议手洗\n{buyer}放心",
      questionSeqs: [3, 6],
      answerSeqs: [4, 5],
    });
    expect(questionLines(" a \n\nb\na")).toEqual(["a", "b"]);
  });
});
