import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, type Route } from "./route";

describe("hash routes", () => {
  it("round-trips every route", () => {
    const routes: Route[] = [
      { page: "agents" },
      { page: "workbench", conversationId: null },
      { page: "workbench", conversationId: "conv 1/二" },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
  it("falls back to the workbench for unknown or broken hashes", () => {
    expect(parseRoute("")).toEqual({ page: "workbench", conversationId: null });
    expect(parseRoute("#/nope")).toEqual({ page: "workbench", conversationId: null });
    expect(parseRoute("#/c/%E0%A4%A")).toEqual({ page: "workbench", conversationId: null });
  });
});
