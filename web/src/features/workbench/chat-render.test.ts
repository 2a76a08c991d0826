// The chat's test hooks and text safety, checked on server-rendered HTML (no DOM here).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App } from "antd";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { initI18n } from "../../i18n";
import { RealtimeClient } from "../../platform/realtime/realtime-client";
import { RealtimeProvider } from "../../platform/realtime/RealtimeProvider";
import { Composer, isSendKey } from "./Composer";
import { MessageBubble, type BubbleModel } from "./MessageBubble";

const client = new RealtimeClient({
  url: "ws://unused",
  createSocket: () => {
    throw new Error("no socket in this test");
  },
});

function render(node: ReactNode): string {
  return renderToString(
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(App, null, createElement(RealtimeProvider, { client, children: node }))),
  );
}

const bubble = (extra: Partial<BubbleModel>): BubbleModel => ({
  key: "k", from: "buyer", kind: "text", text: "", imageUrl: null, product: null, at: "2026-05-01T10:00:00Z", senderName: null, ...extra,
});

beforeAll(() => {
  const g = globalThis as { localStorage?: unknown; document?: unknown };
  g.localStorage ??= { getItem: () => null, setItem: () => undefined };
  g.document ??= { documentElement: {} };
  initI18n();
});

describe("chat rendering", () => {
  it("puts chat-input on the textarea and chat-send on the button", () => {
    const html = render(createElement(Composer, { conversationId: "c1", disabledReason: null }));
    expect(/<textarea[^>]*data-testid="chat-input"/.test(html)).toBe(true);
    expect(/<button[^>]*data-testid="chat-send"/.test(html)).toBe(true);
  });

  it("renders message text as text, never as markup", () => {
    const html = render(createElement(MessageBubble, { bubble: bubble({ text: '<img src=x onerror="alert(1)">亲在吗' }) }));
    expect(html).toContain('data-testid="chat-message"');
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;亲在吗");
    expect(html).not.toContain("<img src=x");
  });

  it("shows images and product cards", () => {
    const image = render(createElement(MessageBubble, { bubble: bubble({ kind: "image", imageUrl: "/uploads/a.png" }) }));
    expect(image).toContain('src="/uploads/a.png"');
    const product = render(
      createElement(MessageBubble, {
        bubble: bubble({ kind: "product", product: { productId: "p1", title: "纯棉T恤", priceCents: 5990, imageUrl: null } }),
      }),
    );
    expect(product).toContain("纯棉T恤");
    expect(product).toContain("59.90");
  });
});

describe("isSendKey", () => {
  it("sends on Enter, not on Shift+Enter or while an IME is composing", () => {
    expect(isSendKey({ key: "Enter", shiftKey: false })).toBe(true);
    expect(isSendKey({ key: "Enter", shiftKey: true })).toBe(false);
    expect(isSendKey({ key: "Enter", shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKey({ key: "Enter", shiftKey: false, keyCode: 229 })).toBe(false);
    expect(isSendKey({ key: "a", shiftKey: false })).toBe(false);
  });
});
