// The widget's DOM inside its shadow root: launcher, panel, message list, composer.
import type { TimelineItem } from "./conversation-state";
import type { SocketStatus } from "./connection";
import { h, icon, icons } from "./dom";
import type { Messages } from "./i18n";
import { MAX_TEXT_LENGTH } from "./limits";
import { renderMessage, renderSignature } from "./message-view";
import { widgetCss } from "./styles";
import { AftersalesView, type AftersalesHandlers } from "./aftersales-view";
import type { OrderCardHandlers } from "./order-card-view";

const EMOJIS = "😀 😂 😊 😍 😘 🤔 😅 😭 😡 😱 👍 👎 👌 🙏 👏 💪 🎉 ❤️ 💔 🌹 🎁 📦 🚚 ✅".split(" ");

export interface ViewHandlers {
  /** "申请售后": the buyer's orders and a request about one (null: the shop's view has no such panel). */
  aftersales: Omit<AftersalesHandlers, "close"> | null;
  onOpenChange(open: boolean): void;
  onSend(text: string): void;
  onImage(file: File): void;
  onTyping(): void;
  /** Answers to order cards (address check, colour/size change). */
  cards: OrderCardHandlers;
}

export class WidgetView {
  private readonly launcher: HTMLButtonElement;
  private readonly dot: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly shopName: HTMLElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly noticeBox: HTMLElement;
  private readonly emojiPanel: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly aftersales: AftersalesView | null;
  private readonly rendered = new Map<string, { element: HTMLElement; signature: string }>();
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private open = false;

  constructor(
    root: ShadowRoot,
    private readonly mode: "float" | "page",
    private readonly t: Messages,
    private readonly apiOrigin: string,
    private readonly handlers: ViewHandlers,
  ) {
    this.dot = h("i", { class: "dot", hidden: true });
    this.launcher = h(
      "button",
      { class: "launcher", type: "button", "data-testid": "widget-open", "aria-label": t.openChat, title: t.openChat },
      icon(icons.chat),
      h("span", {}, t.launcher),
      this.dot,
    );
    this.shopName = h("strong", {}, t.title);
    this.status = h("small", {}, t.connecting);
    const close = h("button", { class: "close", type: "button", "aria-label": t.close, title: t.close }, "×");
    const aftersalesButton = h("button", { class: "hbtn", type: "button", "data-testid": "widget-aftersales" }, t.aftersales);
    this.aftersales = handlers.aftersales
      ? new AftersalesView(t, {
          ...handlers.aftersales,
          close: () => this.showAftersales(false),
        })
      : null;
    this.empty = h("div", { class: "empty" }, t.empty);
    this.list = h("div", { class: "list", role: "log", "aria-live": "polite" }, this.empty);
    this.typing = h("div", { class: "typing", hidden: true }, t.typing);
    this.noticeBox = h("div", { class: "notice", role: "alert", hidden: true });
    this.emojiPanel = h("div", { class: "emojis", hidden: true });
    for (const emoji of EMOJIS) {
      const button = h("button", { type: "button" }, emoji);
      button.addEventListener("click", () => this.insertText(emoji));
      this.emojiPanel.append(button);
    }
    const emojiButton = h("button", { type: "button", "aria-label": t.emoji, title: t.emoji }, icon(icons.smile));
    const imageButton = h("button", { type: "button", "aria-label": t.image, title: t.image }, icon(icons.image));
    const fileInput = h("input", { type: "file", accept: "image/*", hidden: true });
    this.input = h("textarea", {
      "data-testid": "chat-input",
      rows: "2",
      maxlength: String(MAX_TEXT_LENGTH),
      placeholder: t.placeholder,
      "aria-label": t.placeholder,
    });
    this.sendButton = h("button", { class: "send", type: "button", "data-testid": "chat-send" }, t.send);
    this.panel = h(
      "section",
      { class: `panel${mode === "page" ? " page" : ""}`, role: "dialog", "aria-label": t.title, hidden: true },
      h("header", {}, h("div", { class: "title" }, this.shopName, this.status), this.aftersales ? aftersalesButton : null, close),
      this.list,
      this.aftersales?.element,
      this.typing,
      this.noticeBox,
      this.emojiPanel,
      h(
        "footer",
        {},
        h("div", { class: "tools" }, emojiButton, imageButton, fileInput),
        h("div", { class: "compose" }, this.input, this.sendButton),
      ),
    );
    if (mode === "page") this.launcher.hidden = true;
    root.append(h("div", { class: "root" }, this.launcher, this.panel));
    adoptCss(root);

    this.launcher.addEventListener("click", () => this.setOpen(!this.open));
    close.addEventListener("click", () => this.setOpen(false));
    aftersalesButton.addEventListener("click", () => this.showAftersales(this.list.hidden === false));
    emojiButton.addEventListener("click", () => (this.emojiPanel.hidden = !this.emojiPanel.hidden));
    imageButton.addEventListener("click", () => fileInput.click());
    fileInput.addEventListener("change", () => {
      const file = fileInput.files?.[0];
      fileInput.value = "";
      if (file) handlers.onImage(file);
    });
    this.sendButton.addEventListener("click", () => this.submit());
    this.input.addEventListener("keydown", (event) => {
      // Enter sends, Shift+Enter breaks the line; never while a Chinese/Korean IME is composing.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener("input", () => {
      if (this.input.value.trim()) handlers.onTyping();
    });
  }

  /** Swaps the message list for the after-sales panel and back. */
  showAftersales(show: boolean): void {
    if (!this.aftersales) return;
    this.list.hidden = show;
    if (show) void this.aftersales.show();
    else {
      this.aftersales.hide();
      this.scrollToEnd();
    }
  }

  isOpen(): boolean {
    return this.open;
  }

  setOpen(open: boolean): void {
    if (this.mode === "page") open = true;
    if (open === this.open) return;
    this.open = open;
    this.panel.hidden = !open;
    if (this.mode === "float") this.launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      this.scrollToEnd();
      this.input.focus({ preventScroll: true });
    } else {
      this.emojiPanel.hidden = true;
    }
    this.handlers.onOpenChange(open);
  }

  setShopName(name: string): void {
    this.shopName.textContent = name || this.t.title;
  }

  setStatus(status: SocketStatus): void {
    const text = {
      connecting: this.t.connecting,
      open: this.t.title,
      offline: this.t.offline,
    }[status];
    this.status.textContent = text;
  }

  setUnread(count: number): void {
    this.dot.hidden = count === 0 || this.open;
  }

  showTyping(typing: boolean): void {
    this.typing.hidden = !typing;
  }

  /** A short line above the input: a problem (red) or, with `ok`, a confirmation (green). */
  notice(text: string, ok = false): void {
    this.noticeBox.textContent = text;
    this.noticeBox.className = ok ? "notice ok" : "notice";
    this.noticeBox.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.noticeBox.hidden = true), 5_000);
  }

  render(timeline: readonly TimelineItem[]): void {
    const nearEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
    const keep = new Set<string>();
    let previous: Element = this.empty;
    for (const item of timeline) {
      keep.add(item.key);
      const signature = renderSignature(item);
      let entry = this.rendered.get(item.key);
      if (!entry || entry.signature !== signature) {
        const element = renderMessage(item, this.apiOrigin, this.t, this.handlers.cards);
        entry?.element.replaceWith(element);
        entry = { element, signature };
        this.rendered.set(item.key, entry);
      }
      if (previous.nextElementSibling !== entry.element) previous.after(entry.element);
      previous = entry.element;
    }
    for (const [key, entry] of this.rendered) {
      if (keep.has(key)) continue;
      entry.element.remove();
      this.rendered.delete(key);
    }
    this.empty.hidden = timeline.length > 0;
    const last = timeline[timeline.length - 1];
    const ownNewest = last !== undefined && last.status !== "sent";
    if (nearEnd || ownNewest) this.scrollToEnd();
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = "";
    this.emojiPanel.hidden = true;
    this.handlers.onSend(text);
    this.input.focus({ preventScroll: true });
  }

  private insertText(text: string): void {
    const { selectionStart, selectionEnd, value } = this.input;
    this.input.value = value.slice(0, selectionStart) + text + value.slice(selectionEnd);
    const caret = selectionStart + text.length;
    this.input.setSelectionRange(caret, caret);
    this.input.focus();
  }

  private scrollToEnd(): void {
    this.list.scrollTop = this.list.scrollHeight;
  }
}

function adoptCss(root: ShadowRoot): void {
  // A constructed sheet is not an inline <style>, so it works under a strict style-src CSP.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.prepend(h("style", {}, widgetCss));
  }
}
