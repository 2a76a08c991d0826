// Above the chat input while the buyer waits: up to three of the team's phrases that fit
// the buyer's last message (by its intent and shared words). Alt+1…3 or a click puts one
// in the input, variables filled, for the agent to read and send.
import { BulbOutlined } from "@ant-design/icons";
import { Button, Flex, Tooltip, theme } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Intent } from "../../../../server/src/modules/assistant/intent/labels";
import { suggestReplies } from "../../../../server/src/modules/assistant/suggest";
import type { QuickReply } from "../quick-replies/quick-replies-api";

export interface SuggestFor {
  text: string;
  intent: Intent | null;
}

export function SuggestionBar({ suggestFor, replies, onPick }: { suggestFor: SuggestFor; replies: readonly QuickReply[]; onPick: (reply: QuickReply) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const top = useMemo(() => suggestReplies(suggestFor.text, suggestFor.intent, replies), [suggestFor, replies]);
  useEffect(() => {
    if (top.length === 0) return;
    const onKey = (e: KeyboardEvent) => {
      const n = e.altKey && !e.ctrlKey && !e.metaKey ? Number(e.code.replace("Digit", "")) : NaN;
      if (n >= 1 && n <= top.length) {
        e.preventDefault();
        onPick(top[n - 1]!);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [top, onPick]);
  if (top.length === 0) return null;
  return (
    <Flex data-testid="suggestions" align="center" gap={6} wrap style={{ padding: "6px 12px", borderTop: `1px solid ${token.colorBorderSecondary}`, background: token.colorFillQuaternary }}>
      <Tooltip title={t("assistant.suggestionsHint")}>
        <BulbOutlined style={{ color: token.colorPrimary }} />
      </Tooltip>
      {top.map((reply, i) => (
        <Tooltip key={reply.id} title={reply.text}>
          <Button size="small" data-testid="suggestion" onClick={() => onPick(reply)} style={{ maxWidth: 260 }}>
            <span style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
              {i + 1}. {reply.text}
            </span>
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}
