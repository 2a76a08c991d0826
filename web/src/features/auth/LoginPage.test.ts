// Browser tests find the sign-in form by data-testid; they must sit on the real
// <input>/<button> elements, not on antd's wrappers. Rendered to HTML on the server
// (no DOM in this test run).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App } from "antd";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { initI18n } from "../../i18n";
import { ApiError } from "../../platform/api";
import { LoginPage, loginErrorKey } from "./LoginPage";

function tagOf(html: string, testId: string): string | undefined {
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${testId}"`).exec(html);
  return match?.[1];
}

describe("LoginPage", () => {
  it("puts the test ids on the input and button elements, with Chinese text by default", () => {
    const g = globalThis as { localStorage?: unknown; document?: unknown };
    g.localStorage ??= { getItem: () => null, setItem: () => undefined };
    g.document ??= { documentElement: {} };
    initI18n();
    const html = renderToString(
      createElement(QueryClientProvider, { client: new QueryClient() }, createElement(App, null, createElement(LoginPage))),
    );
    expect(tagOf(html, "login-email")).toBe("input");
    expect(tagOf(html, "login-password")).toBe("input");
    expect(tagOf(html, "login-submit")).toBe("button");
    expect(html).toContain("登录");
  });

  it("maps sign-in failures to messages", () => {
    expect(loginErrorKey(new ApiError(401, "bad_credentials", "no"))).toBe("login.badCredentials");
    expect(loginErrorKey(new ApiError(429, "throttled", "slow down"))).toBe("login.throttled");
    expect(loginErrorKey(new ApiError(0, "network", "offline"))).toBe("common.networkError");
    expect(loginErrorKey(new Error("boom"))).toBe("login.failed");
  });
});
