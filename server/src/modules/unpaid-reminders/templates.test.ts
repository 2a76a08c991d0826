// Templates use only true data: one whose variables lack a value is not offered, the
// automatic choice prefers the chat, then the promotion, then the cut-off, and the second
// reminder does not repeat the first; recovery counts each order from its first reminder.
import { describe, expect, it } from "vitest";
import { chatDayText, goodsText } from "./context";
import { recoveryOf, type ReminderFact } from "./recovery";
import { chooseAutomatic, defaultTemplates, fillTemplate, missingValues, shopTemplates, unknownVariables, type ReminderValues } from "./templates";

const none: ReminderValues = { buyer: null, shop: null, product: null, order: null, total: null, chat_day: null, asked_product: null, promotion: null, promotion_end: null, cutoff: null, courier: null };
const values = (v: Partial<ReminderValues>): ReminderValues => ({ ...none, order: "TB-1", product: "法式碎花连衣裙", ...v });

describe("templates", () => {
  it("the data file holds only known variables, in buyer-facing Chinese with the seed's tone", () => {
    const templates = defaultTemplates();
    expect(templates.length).toBeGreaterThanOrEqual(5);
    for (const t of templates) {
      expect(unknownVariables(t.text)).toEqual([]);
      expect(t.text).toMatch(/^亲/);
      expect(t.text).toMatch(/[哦呢]/);
      // No invented scarcity or deadline in the words themselves.
      expect(t.text).not.toMatch(/仅剩|最后|马上没|手慢无|即将售罄|限时/);
    }
  });

  it("fills what it knows and leaves the rest as {placeholders}, named as missing", () => {
    const text = "亲，{chat_day}您咨询的{asked_product}，{promotion}活动{promotion_end}结束哦";
    const v = values({ chat_day: "昨天", asked_product: "针织开衫" });
    expect(fillTemplate(text, v)).toBe("亲，昨天您咨询的针织开衫，{promotion}活动{promotion_end}结束哦");
    expect(missingValues(text, v)).toEqual(["promotion", "promotion_end"]);
  });

  it("the automatic choice: the chat first, then the promotion's end, then the cut-off, else the gentle one", () => {
    const t = defaultTemplates();
    expect(chooseAutomatic(t, values({ chat_day: "昨天", asked_product: "针织开衫", promotion: "满199减20", promotion_end: "12月12日 00:00" }), [])?.key).toBe("last_chat_product");
    expect(chooseAutomatic(t, values({ chat_day: "昨天" }), [])?.key).toBe("last_chat");
    expect(chooseAutomatic(t, values({ promotion: "满199减20", promotion_end: "12月12日 00:00", cutoff: "16:00" }), [])?.key).toBe("promotion_end");
    // A promotion without an end says no deadline: not offered.
    expect(chooseAutomatic(t, values({ promotion: "满199减20", cutoff: "16:00" }), [])?.key).toBe("cutoff");
    expect(chooseAutomatic(t, values({}), [])?.key).toBe("gentle");
    expect(chooseAutomatic(t, { ...none, order: "TB-1" }, [])?.key).toBe("order_only");
  });

  it("the second reminder takes another template when there is one", () => {
    const t = defaultTemplates();
    const v = values({ cutoff: "16:00" });
    expect(chooseAutomatic(t, v, ["cutoff"])?.key).toBe("gentle");
    expect(chooseAutomatic(t, { ...none, order: "TB-1" }, ["order_only"])?.key).toBe("order_only");
  });

  it("a shop's own text replaces the built-in one; a broken one (unknown variable) does not", () => {
    const own = shopTemplates({ unpaidReminders: { templates: { gentle: "亲，{product}还等着您哦～", cutoff: "亲，{cutof}前付款哦" } } });
    expect(own.find((t) => t.key === "gentle")).toMatchObject({ text: "亲，{product}还等着您哦～", custom: true });
    expect(own.find((t) => t.key === "cutoff")).toMatchObject({ custom: false });
  });
});

describe("context words", () => {
  const SH = "Asia/Shanghai";
  const at = (local: string) => Date.parse(`${local}+08:00`);
  it("when the buyer wrote, in shop days: 今天, 昨天 (also at 23:59 yesterday), 前天, a date, nothing after a week", () => {
    const now = at("2027-01-06T09:30:00");
    expect(chatDayText(at("2027-01-06T00:01:00"), now, SH)).toBe("今天");
    expect(chatDayText(at("2027-01-05T23:59:00"), now, SH)).toBe("昨天");
    expect(chatDayText(at("2027-01-04T12:00:00"), now, SH)).toBe("前天");
    expect(chatDayText(at("2027-01-01T12:00:00"), now, SH)).toBe("1月1日");
    expect(chatDayText(at("2026-12-29T12:00:00"), now, SH)).toBe(null);
  });
  it("the goods: the first titled item, with the count when there are more", () => {
    expect(goodsText([{ title: "连衣裙", qty: 1 }])).toBe("连衣裙");
    expect(goodsText([{ title: "连衣裙", qty: 2 }])).toBe("连衣裙");
    expect(goodsText([{ title: null, qty: 1 }, { title: "开衫", qty: 1 }, { title: "袜子", qty: 2 }])).toBe("开衫等4件商品");
    expect(goodsText([{ title: null, qty: 1 }])).toBe(null);
  });
});

describe("recovery rate", () => {
  const d = (iso: string) => new Date(iso);
  const start = d("2027-01-01T00:00:00Z");
  const end = d("2027-02-01T00:00:00Z");
  const fact = (f: Partial<ReminderFact> & { orderId: string; sentAt: Date }): ReminderFact => ({ automatic: true, agentId: null, paidAt: null, totalCents: 10000, ...f });

  it("reminded orders paid after their first reminder / reminded orders, split by hand, automatic and agent", () => {
    const facts = [
      // Reminded automatically, paid after: recovered.
      fact({ orderId: "a", sentAt: d("2027-01-05T02:00:00Z"), paidAt: d("2027-01-05T03:00:00Z") }),
      // Reminded twice (hand, then automatic), never paid.
      fact({ orderId: "b", sentAt: d("2027-01-06T02:00:00Z"), automatic: false, agentId: "ag1" }),
      fact({ orderId: "b", sentAt: d("2027-01-06T14:00:00Z") }),
      // By hand, paid after the period: still recovered, in the period of its reminder.
      fact({ orderId: "c", sentAt: d("2027-01-31T10:00:00Z"), automatic: false, agentId: "ag2", paidAt: d("2027-02-02T00:00:00Z"), totalCents: 5000 }),
      // Paid before the reminder (the reminder raced the payment report): not recovered.
      fact({ orderId: "e", sentAt: d("2027-01-10T02:00:00Z"), paidAt: d("2027-01-10T01:59:00Z") }),
      // First reminder before the period: counted there, not here.
      fact({ orderId: "f", sentAt: d("2026-12-31T10:00:00Z"), paidAt: d("2027-01-02T00:00:00Z") }),
      fact({ orderId: "f", sentAt: d("2027-01-01T10:00:00Z") }),
    ];
    const r = recoveryOf(facts, start, end);
    expect(r.all).toEqual({ reminded: 4, recovered: 2, rate: 0.5, recoveredCents: 15000 });
    expect(r.automatic).toMatchObject({ reminded: 3, recovered: 1 }); // a, b (its automatic one), e
    expect(r.byHand).toMatchObject({ reminded: 2, recovered: 1, rate: 0.5 });
    expect(r.perAgent.get("ag1")).toMatchObject({ reminded: 1, recovered: 0, rate: 0 });
    expect(r.perAgent.get("ag2")).toMatchObject({ reminded: 1, recovered: 1, rate: 1 });
  });

  it("nothing reminded: the rate is null, not 0", () => {
    expect(recoveryOf([], start, end).all).toEqual({ reminded: 0, recovered: 0, rate: null, recoveredCents: 0 });
  });
});
