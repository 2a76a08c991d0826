import { PictureOutlined, SendOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { App, Button, Flex, Input, Tooltip } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CHAT_LIMITS } from "../../../../server/src/modules/conversations/chat-protocol";
import { apiPost } from "../../platform/api";
import { useRealtime } from "../../platform/realtime/RealtimeProvider";
import { checkDraft, useDraftLint } from "../assistant/draft-lint";
import { DraftButton } from "../assistant/DraftButton";
import { LintBar } from "../assistant/LintBar";
import { SuggestionBar, type SuggestFor } from "../assistant/SuggestionBar";
import { onComposerInsert } from "../quick-replies/composer-insert";
import { renderQuickReply, useQuickReplies, type QuickReply } from "../quick-replies/quick-replies-api";
import { QuickRepliesDrawer } from "../quick-replies/QuickRepliesDrawer";
import { ShortcutPopup, type SlashPick } from "../quick-replies/ShortcutPopup";
import { moveIndex, replaceRange, slashMatches, slashQueryAt, type SlashQuery } from "../quick-replies/shortcuts";
import { fetchFaqAnswer, useApprovedFaq } from "../knowledge/faq-api";
import { unfilledVariables } from "../../../../server/src/modules/knowledge/variables";
import { LINT_RULES } from "../settings/policies";
import { useShopPolicies } from "../settings/use-shop-policies";
import { useConversation } from "./queries";

// Checked against the server's CHAT_LIMITS by the type system, without importing a value.
const MAX_TEXT: (typeof CHAT_LIMITS)["maxTextLength"] = 2000;
const MAX_IMAGE_BYTES: (typeof CHAT_LIMITS)["maxImageBytes"] = 2097152;
const TYPING_REFRESH_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

/** Enter sends; Shift+Enter is a newline; Enter that confirms an IME candidate does neither. */
export function isSendKey(e: { key: string; shiftKey: boolean; isComposing?: boolean; keyCode?: number }): boolean {
  return e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229;
}

interface Props {
  conversationId: string;
  /** The buyer's unanswered last message, for suggested replies. */
  suggestFor?: SuggestFor | null;
  /** Why the agent cannot write here, or null. */
  disabledReason: "closed" | "colleague" | null;
}

export function Composer({ conversationId, disabledReason, suggestFor = null }: Props) {
  const disabled = disabledReason !== null;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useRealtime();
  const [draft, setDraft] = useState("");
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  // The library mounts on first use (it loads data and checks abilities), then stays for its closing animation.
  const [libraryUsed, setLibraryUsed] = useState(false);
  const textArea = useRef<TextAreaRef>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const quickReplies = useQuickReplies(!disabled);
  const shopId = useConversation(conversationId).data?.shopId ?? null;
  const faq = useApprovedFaq(disabled ? null : shopId);
  const slash = disabled ? null : slashQueryAt(draft, caret);
  const popupOpen = slash !== null && dismissedAt !== slash.start;
  const query = slash?.query ?? null;
  // "/" finds the team's phrases by shortcut and the FAQ's approved answers by their words.
  const matches = useMemo(() => (query === null ? [] : slashMatches(quickReplies.data ?? [], faq.data ?? [], query)), [query, quickReplies.data, faq.data]);
  // The etiquette rules the shop switched off (shop policies) are not checked.
  const policies = useShopPolicies(shopId);
  const lintOff = useMemo(() => LINT_RULES.filter((rule) => !policies.lintRules[rule]), [policies]);
  const issues = useDraftLint(disabled ? "" : draft, lintOff);
  const typingSentAt = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stopTyping = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
    if (typingSentAt.current) client.sendTyping(conversationId, false);
    typingSentAt.current = 0;
  };
  // Leaving the conversation (the parent keys this component by it): tell the buyer we stopped.
  useEffect(
    () => () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
      if (typingSentAt.current) client.sendTyping(conversationId, false);
    },
    [client, conversationId],
  );

  /** Puts `text` in place of [start, end) and the caret after it. */
  const putText = (text: string, start: number, end: number) => {
    const next = replaceRange(draft, start, end, text);
    setDraft(next.text.slice(0, MAX_TEXT));
    setCaret(next.caret);
    requestAnimationFrame(() => {
      const el = textArea.current?.resizableTextArea?.textArea;
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  // A {variable} the conversation has no value for stays in the draft, pointed out now and refused at send.
  const warnUnfilled = (text: string): boolean => {
    const unfilled = unfilledVariables(text);
    if (unfilled.length > 0) void message.warning({ key: "unfilled", content: t("quickReplies.unfilled", { variables: unfilled.map((v) => `{${v}}`).join(" ") }) });
    return unfilled.length > 0;
  };

  // A phrase or an FAQ answer with this chat's values (an FAQ answer's use is counted).
  const rendered = async (chosen: SlashPick) => {
    try {
      const text = chosen.source === "faq" ? (await fetchFaqAnswer(chosen.item.id, conversationId)).text : await renderQuickReply(chosen.item.id, conversationId);
      warnUnfilled(text);
      return text;
    } catch {
      // Unfilled {variables} stay visible for the agent to complete by hand.
      void message.warning(t("quickReplies.renderFailed"));
      return chosen.source === "faq" ? chosen.item.answer : chosen.item.text;
    }
  };
  const renderedReply = (reply: QuickReply) => rendered({ source: "quick_reply", item: reply });

  const pick = async (chosen: SlashPick, at: SlashQuery) => {
    setDismissedAt(at.start);
    putText(await rendered(chosen), at.start, at.end);
  };

  // Inserting from the library panel: at the caret, replacing any selection.
  const insertRef = useRef<(text: string) => void>(() => undefined);
  useEffect(() => {
    insertRef.current = (text: string) => {
      const el = textArea.current?.resizableTextArea?.textArea;
      putText(text, el?.selectionStart ?? draft.length, el?.selectionEnd ?? draft.length);
    };
  });
  useEffect(() => onComposerInsert(conversationId, (text) => insertRef.current(text)), [conversationId]);

  const noteTyping = () => {
    const now = Date.now();
    if (now - typingSentAt.current > TYPING_REFRESH_MS) {
      client.sendTyping(conversationId, true);
      typingSentAt.current = now;
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const deliver = (text: string) => {
    client.sendMessage({ conversationId, kind: "text", text });
    setDraft("");
    stopTyping();
  };

  // The etiquette check runs once more on the final text: sending anyway is the agent's
  // call, and it is logged for the supervisor.
  const send = () => {
    const text = draft.trim();
    if (!text || disabled || warnUnfilled(text)) return;
    const found = checkDraft(text, lintOff);
    if (found.length === 0) return deliver(text);
    const rules = [...new Set(found.map((issue) => issue.rule))];
    void modal.confirm({
      title: t("assistant.confirmTitle"),
      content: rules.map((rule) => t(`assistant.lint.${rule}`)).join(t("assistant.listSeparator")),
      okText: t("assistant.sendAnyway"),
      cancelText: t("assistant.keepEditing"),
      okButtonProps: { "data-testid": "lint-send-anyway" } as Record<string, string>,
      onOk: () => {
        deliver(text);
        apiPost("/api/v1/assistant/lint-overrides", { conversationId, rules }).catch(() => undefined);
      },
    });
  };

  const sendImage = (file: File) => {
    if (!file.type.startsWith("image/") || file.type === "image/svg+xml") return void message.warning(t("chat.imageType"));
    if (file.size > MAX_IMAGE_BYTES) return void message.warning(t("chat.imageTooLarge", { mb: MAX_IMAGE_BYTES / 1048576 }));
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === "string") client.sendMessage({ conversationId, kind: "image", imageUrl: reader.result });
    };
    reader.readAsDataURL(file);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (popupOpen && slash && !e.nativeEvent.isComposing) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((index) => moveIndex(index, e.key === "ArrowDown" ? 1 : -1, matches.length));
        return;
      }
      if ((e.key === "Enter" || e.key === "Tab") && matches.length > 0) {
        e.preventDefault();
        void pick(matches[Math.min(active, matches.length - 1)]!, slash);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setDismissedAt(slash.start);
        return;
      }
    }
    if (isSendKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing, keyCode: e.keyCode })) {
      e.preventDefault();
      send();
    }
  };
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = [...e.clipboardData.files].find((f) => f.type.startsWith("image/"));
    if (file) {
      e.preventDefault();
      sendImage(file);
    }
  };

  return (
    <div>
      {suggestFor && !disabled && draft.trim() === "" && (
        <SuggestionBar
          conversationId={conversationId}
          suggestFor={suggestFor}
          replies={quickReplies.data ?? []}
          onPick={(chosen) => void rendered(chosen).then((text) => insertRef.current(text))}
        />
      )}
      <LintBar draft={draft} issues={issues} onFix={(text) => putText(text, 0, draft.length)} />
      <Flex gap={8} align="flex-end" style={{ padding: 12, borderTop: "1px solid rgba(5,5,5,0.06)", background: "#fff" }}>
        <Tooltip title={t("quickReplies.title")}>
          <Button
            icon={<ThunderboltOutlined />}
            aria-label={t("quickReplies.title")}
            data-testid="quick-replies-open"
            onClick={() => {
              setLibraryUsed(true);
              setLibraryOpen(true);
            }}
          />
        </Tooltip>
        {libraryUsed && (
          <QuickRepliesDrawer
            open={libraryOpen}
            onClose={() => setLibraryOpen(false)}
            onInsert={
              disabled
                ? undefined
                : (reply) => {
                    setLibraryOpen(false);
                    void renderedReply(reply).then((text) => insertRef.current(text));
                  }
            }
          />
        )}
        <DraftButton conversationId={conversationId} disabled={disabled} onDraft={(text) => putText(text, 0, draft.length)} />
        <Tooltip title={t("chat.sendImage")}>
          <Button icon={<PictureOutlined />} aria-label={t("chat.sendImage")} disabled={disabled} onClick={() => fileInput.current?.click()} />
        </Tooltip>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) sendImage(file);
            e.target.value = "";
          }}
        />
        <div style={{ flex: 1, position: "relative", minWidth: 0 }}>
          {popupOpen && slash && (
            <ShortcutPopup matches={matches} active={Math.min(active, Math.max(0, matches.length - 1))} query={slash.query} onHover={setActive} onPick={(chosen) => void pick(chosen, slash)} />
          )}
          <Input.TextArea
            ref={textArea}
            data-testid="chat-input"
            value={draft}
            role="combobox"
            aria-expanded={popupOpen}
            aria-controls={popupOpen ? "quick-reply-popup" : undefined}
            aria-activedescendant={popupOpen && matches.length ? `quick-reply-${Math.min(active, matches.length - 1)}` : undefined}
            aria-autocomplete="list"
            disabled={disabled}
            maxLength={MAX_TEXT}
            autoSize={{ minRows: 1, maxRows: 6 }}
            placeholder={disabledReason === "closed" ? t("chat.closedPlaceholder") : disabledReason === "colleague" ? t("chat.takenByColleague") : t("chat.placeholder")}
            aria-label={t("chat.placeholder")}
            onChange={(e) => {
              setDraft(e.target.value);
              setCaret(e.target.selectionStart ?? e.target.value.length);
              setActive(0);
              if (e.target.value) noteTyping();
              else stopTyping();
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onBlur={() => slash && setDismissedAt(slash.start)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
          />
        </div>
        <Button data-testid="chat-send" type="primary" icon={<SendOutlined />} disabled={disabled || !draft.trim()} onClick={send}>
          {t("chat.send")}
        </Button>
      </Flex>
    </div>
  );
}
