// One test per rule of the ability table: who may do what.
import { describe, expect, it } from "vitest";
import { ABILITIES, abilitiesFor } from "./abilities";

const owner = abilitiesFor({ role: "owner", team: "presales" });
const supervisor = abilitiesFor({ role: "supervisor", team: "presales" });
const presales = abilitiesFor({ role: "agent", team: "presales" });
const aftersales = abilitiesFor({ role: "agent", team: "aftersales" });

describe("abilities", () => {
  it("owners may do everything", () => expect([...owner].sort()).toEqual([...ABILITIES].sort()));
  it("only owners manage agents, shops and imports", () => {
    for (const a of ["agents.manage", "shops.manage", "data.import"] as const) {
      expect(owner).toContain(a);
      for (const other of [supervisor, presales, aftersales]) expect(other).not.toContain(a);
    }
  });
  it("supervisors see all conversations, assign them and read everyone's figures; agents do not", () => {
    for (const a of ["conversations.view_all", "conversations.assign", "reports.view_all", "agents.view"] as const) {
      expect(supervisor).toContain(a);
      expect(presales).not.toContain(a);
      expect(aftersales).not.toContain(a);
    }
  });
  it("every agent replies, sees their team's queue and their own figures", () => {
    for (const list of [presales, aftersales]) {
      for (const a of ["conversations.reply", "conversations.view_team", "reports.view_own", "customers.view"] as const) expect(list).toContain(a);
    }
  });
  it("pre-sales agents see floor prices (they bargain); after-sales agents do not", () => {
    expect(presales).toContain("products.view_floor_price");
    expect(aftersales).not.toContain("products.view_floor_price");
  });
  it("everyone reads reviews; after-sales agents, supervisors and owners answer them", () => {
    for (const list of [owner, supervisor, presales, aftersales]) expect(list).toContain("reviews.view");
    for (const list of [owner, supervisor, aftersales]) expect(list).toContain("reviews.reply");
    expect(presales).not.toContain("reviews.reply");
  });
  it("every agent acts on orders from the chat; only owners and supervisors ship from the pick list", () => {
    for (const list of [owner, supervisor, presales, aftersales]) expect(list).toEqual(expect.arrayContaining(["orders.view", "orders.update"]));
    for (const list of [owner, supervisor]) expect(list).toContain("orders.ship");
    for (const list of [presales, aftersales]) expect(list).not.toContain("orders.ship");
  });
  it("owners and supervisors manage promotions; agents only read them", () => {
    for (const list of [owner, supervisor]) expect(list).toContain("promotions.manage");
    for (const list of [presales, aftersales]) expect(list).not.toContain("promotions.manage");
  });
  it("owners and supervisors approve and edit the FAQ; agents only propose entries", () => {
    for (const list of [owner, supervisor]) expect(list).toContain("faq.manage");
    for (const list of [presales, aftersales]) expect(list).not.toContain("faq.manage");
  });
  it("owners and supervisors manage the catalog; agents only read it", () => {
    for (const list of [owner, supervisor]) expect(list).toContain("products.manage");
    for (const list of [presales, aftersales]) {
      expect(list).toContain("products.view");
      expect(list).not.toContain("products.manage");
    }
  });
  it("after-sales agents may reveal contact details (returns need them); pre-sales agents may not", () => {
    expect(aftersales).toContain("customers.reveal_contact");
    expect(presales).not.toContain("customers.reveal_contact");
  });
});
