import { PictureOutlined, SendOutlined } from "@ant-design/icons";
import { App, Button, Flex, Input, Tooltip } from "antd";
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CHAT_LIMITS } from "../../../../server/src/modules/conversations/chat-protocol";
import { useRealtime } from "../../platform/realtime/RealtimeProvider";

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
  /** Why the agent cannot write here, or null. */
  disabledReason: "closed" | "colleague" | null;
}

export function Composer({ conversationId, disabledReason }: Props) {
  const disabled = disabledReason !== null;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useRealtime();
  const [draft, setDraft] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
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

  const noteTyping = () => {
    const now = Date.now();
    if (now - typingSentAt.current > TYPING_REFRESH_MS) {
      client.sendTyping(conversationId, true);
      typingSentAt.current = now;
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const send = () => {
    const text = draft.trim();
    if (!text || disabled) return;
    client.sendMessage({ conversationId, kind: "text", text });
    setDraft("");
    stopTyping();
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
    <Flex gap={8} align="flex-end" style={{ padding: 12, borderTop: "1px solid rgba(5,5,5,0.06)", background: "#fff" }}>
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
      <Input.TextArea
        data-testid="chat-input"
        value={draft}
        disabled={disabled}
        maxLength={MAX_TEXT}
        autoSize={{ minRows: 1, maxRows: 6 }}
        placeholder={disabledReason === "closed" ? t("chat.closedPlaceholder") : disabledReason === "colleague" ? t("chat.takenByColleague") : t("chat.placeholder")}
        aria-label={t("chat.placeholder")}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value) noteTyping();
          else stopTyping();
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        style={{ flex: 1 }}
      />
      <Button data-testid="chat-send" type="primary" icon={<SendOutlined />} disabled={disabled || !draft.trim()} onClick={send}>
        {t("chat.send")}
      </Button>
    </Flex>
  );
}
