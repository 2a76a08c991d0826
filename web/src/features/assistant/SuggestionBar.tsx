// Above the chat input while the buyer waits: up to three replies that fit the buyer's
// last message: the team's phrases (by intent and shared words, ranked here) and the
// FAQ's approved answers (by question, intent and the chat's products, ranked on the
// server with jieba). Alt+1…3 or a click puts one in the input, variables filled, for
// the agent to read and send; an FAQ answer put in counts as one use.
import { BulbOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Tooltip, theme } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Intent } from "../../../../server/src/modules/assistant/intent/labels";
import { mergeSuggestions, scoreReplies } from "../../../../server/src/modules/assistant/suggest";
import { useFaqSuggestions } from "../knowledge/faq-api";
import type { QuickReply } from "../quick-replies/quick-replies-api";
import type { SlashPick } from "../quick-replies/ShortcutPopup";

export interface SuggestFor {
  text: string;
  intent: Intent | null;
}

interface Props {
  conversationId: string;
  suggestFor: SuggestFor;
  replies: readonly QuickReply[];
  onPick: (pick: SlashPick) => void;
}

export function SuggestionBar({ conversationId, suggestFor, replies, onPick }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const faq = useFaqSuggestions(conversationId, suggestFor.text);
  const top = useMemo(
    () => mergeSuggestions(scoreReplies(suggestFor.text, suggestFor.intent, replies), faq.data ?? []),
    [suggestFor, replies, faq.data],
  );
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
      {top.map((pick, i) => {
        const text = pick.source === "faq" ? pick.item.answer : pick.item.text;
        return (
          <Tooltip key={`${pick.source}:${pick.item.id}`} title={pick.source === "faq" ? `${pick.item.questions[0] ?? ""}\n${text}` : text}>
            <Button size="small" data-testid="suggestion" data-source={pick.source} onClick={() => onPick(pick)} style={{ maxWidth: 280 }}>
              {pick.source === "faq" && (
                <Tag color="purple" style={{ marginInlineEnd: 2, fontSize: 11, lineHeight: "16px", paddingInline: 4 }}>
                  {t("knowledge.faqTag")}
                </Tag>
              )}
              <span style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                {i + 1}. {text}
              </span>
            </Button>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
