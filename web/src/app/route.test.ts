import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, type Route } from "./route";

describe("hash routes", () => {
  it("round-trips every route", () => {
    const routes: Route[] = [
      { page: "settings", tab: null },
      { page: "settings", tab: "agents" },
      { page: "settings", tab: "widget" },
      { page: "figures", section: null },
      { page: "reviews", section: "r 1/二" },
      { page: "workbench", conversationId: null },
      { page: "workbench", conversationId: "conv 1/二" },
      { page: "workbench", conversationId: "c9", seq: 42 },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
  it("keeps the old agents link working", () => {
    expect(parseRoute("#/agents")).toEqual({ page: "settings", tab: "agents" });
  });
  it("falls back for unknown or broken hashes", () => {
    expect(parseRoute("")).toEqual({ page: "workbench", conversationId: null });
    expect(parseRoute("#/nope")).toEqual({ page: "workbench", conversationId: null });
    expect(parseRoute("#/c/%E0%A4%A")).toEqual({ page: "workbench", conversationId: null });
    expect(parseRoute("#/c/x/m/abc")).toEqual({ page: "workbench", conversationId: null });
    expect(parseRoute("#/settings/bogus")).toEqual({ page: "settings", tab: null });
    expect(parseRoute("#/figures/%E0%A4%A")).toEqual({ page: "workbench", conversationId: null });
    expect(parseRoute("#/figures/a/b")).toEqual({ page: "workbench", conversationId: null });
  });
});
