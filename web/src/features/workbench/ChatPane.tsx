import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Empty, Flex, Spin, Typography } from "antd";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useConnectionState, useOutbox, useRealtime } from "../../platform/realtime/RealtimeProvider";
import { ChatHeader } from "./ChatHeader";
import { useBuyerAnalyses } from "../assistant/analysis-api";
import { ABILITY } from "../../platform/types";
import { BargainHelper } from "../assistant/BargainHelper";
import { BuyerTypeHint } from "../assistant/BuyerTypeHint";
import { IntentChip } from "../assistant/IntentChip";
import { Pickable, ProposalBar, ProposeLink, useFaqProposal } from "../knowledge/ProposeFaq";
import { Composer } from "./Composer";
import { MessageBubble } from "./MessageBubble";
import { toBubbles } from "./bubbles";
import { useBuyerReadSeq, useBuyerTyping } from "./chat-signals";
import { lastSeqOf } from "./conversation-cache";
import { useConversation, useMessages } from "./queries";
import { updateCachedSummaries } from "./use-live-updates";
import { canReplyTo } from "./policy";
import { useSession } from "../../platform/session";

interface Props {
  conversationId: string;
  /** A search hit: scroll to this message and mark it for a moment. */
  focusSeq?: number | null;
  onBack?: () => void;
  onShowCustomer?: () => void;
}

const HIGHLIGHT_MS = 4_000;

export function ChatPane({ conversationId, focusSeq = null, onBack, onShowCustomer }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const client = useRealtime();
  const me = useSession();
  const connection = useConnectionState();
  const outbox = useOutbox();
  const conversation = useConversation(conversationId);
  const messages = useMessages(queryClient, conversationId);
  const buyerTyping = useBuyerTyping(conversationId);
  const buyerReadSeq = useBuyerReadSeq(conversationId);
  const scroller = useRef<HTMLDivElement>(null);
  const lastReadSent = useRef(new Map<string, number>());

  const history = messages.data;
  const lastSeq = history ? lastSeqOf(history) : 0;
  const bubbles = useMemo(
    () => toBubbles(conversationId, history ?? [], outbox, buyerReadSeq),
    [conversationId, history, outbox, buyerReadSeq],
  );
  const buyerTexts = useMemo(() => bubbles.filter((b) => b.from === "buyer" && b.kind === "text"), [bubbles]);
  const analyses = useBuyerAnalyses(buyerTexts, me.abilities.includes(ABILITY.reply));
  // The bargaining helper opens when the buyer's latest message bargains, about the latest product card.
  const lastBuyerKey = buyerTexts.at(-1)?.key ?? null;
  const bargaining = lastBuyerKey !== null && analyses.get(lastBuyerKey)?.intent === "bargain";
  const [bargainClosedAt, setBargainClosedAt] = useState<string | null>(null);
  // Suggestions while the buyer's message is the last word in the conversation (auto-replies aside).
  const lastBubble = bubbles.findLast((b) => b.from === "buyer" || b.from === "agent");
  const suggestFor = useMemo(
    () => (lastBubble && lastBubble.from === "buyer" && lastBubble.kind === "text" ? { text: lastBubble.text, intent: analyses.get(lastBubble.key)?.intent ?? null } : null),
    [lastBubble, analyses],
  );
  const lastProduct = useMemo(() => bubbles.findLast((b) => b.kind === "product" && b.product)?.product ?? null, [bubbles]);
  const productId = lastProduct?.productId ?? null;
  // An FAQ proposal: the agent picks the buyer's question and the answer that worked.
  const proposal = useFaqProposal(conversationId);

  // Resume from what the history holds, so a reconnect replays only what came after.
  useEffect(() => {
    if (history) client.noteHistory(conversationId, lastSeq);
  }, [client, conversationId, history, lastSeq]);

  // Read receipts: the agent is looking at the newest message.
  useEffect(() => {
    if (!history || lastSeq === 0 || connection !== "open") return;
    const send = () => {
      if (document.visibilityState !== "visible") return;
      if ((lastReadSent.current.get(conversationId) ?? 0) >= lastSeq) return;
      lastReadSent.current.set(conversationId, lastSeq);
      client.sendRead(conversationId, lastSeq);
      updateCachedSummaries(queryClient, conversationId, (c) => (c.unread ? { ...c, unread: 0 } : c));
    };
    send();
    document.addEventListener("visibilitychange", send);
    return () => document.removeEventListener("visibilitychange", send);
  }, [client, queryClient, conversationId, history, lastSeq, connection]);

  // Keep the newest message in view when one arrives and the agent was near the bottom.
  const nearBottom = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && nearBottom.current) el.scrollTop = el.scrollHeight;
  }, [bubbles.length, buyerTyping]);

  // Opened from a search hit: bring that message into view once its history is here.
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const focusedFor = useRef<string | null>(null);
  const hasFocusTarget = focusSeq !== null && history !== undefined && history.some((m) => m.seq === focusSeq);
  useEffect(() => {
    const key = `${conversationId}:${focusSeq}`;
    if (!hasFocusTarget || focusedFor.current === key) return;
    focusedFor.current = key;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-seq="${focusSeq}"]`);
    if (!el) return;
    nearBottom.current = false;
    el.scrollIntoView({ block: "center" });
    setHighlighted(focusSeq);
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [conversationId, focusSeq, hasFocusTarget]);

  if (conversation.isError || messages.isError)
    return (
      <Flex vertical style={{ flex: 1 }}>
        {onBack && <Button style={{ margin: 12, alignSelf: "flex-start" }} onClick={onBack}>{t("common.back")}</Button>}
        <Alert
          type="error"
          showIcon
          style={{ margin: 24 }}
          title={t("chat.loadFailed")}
          action={<Button size="small" onClick={() => void Promise.all([conversation.refetch(), messages.refetch()])}>{t("common.retry")}</Button>}
        />
      </Flex>
    );
  if (!conversation.data || !history) return <Spin style={{ margin: "auto" }} />;

  const closed = conversation.data.status === "closed";
  const replyable = canReplyTo(me, conversation.data);
  return (
    <Flex vertical style={{ flex: 1, minWidth: 0, minHeight: 0, background: "#f5f7fa" }}>
      <ChatHeader conversation={conversation.data} onBack={onBack} onShowCustomer={onShowCustomer} />
      <BuyerTypeHint messages={buyerTexts} analyses={analyses} />
      <div
        ref={scroller}
        aria-live="polite"
        style={{ flex: 1, overflowY: "auto", padding: "8px 16px", minHeight: 0 }}
        onScroll={(e) => {
          const el = e.currentTarget;
          nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        {bubbles.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("chat.empty")} />}
        {bubbles.map((bubble) => (
          <Pickable key={bubble.key} proposal={proposal} message={bubble}>
            <MessageBubble
              bubble={bubble}
              highlighted={bubble.seq !== undefined && bubble.seq === highlighted}
              onRetry={bubble.clientId ? () => client.retry(bubble.clientId!) : undefined}
              onDiscard={bubble.clientId ? () => client.discard(bubble.clientId!) : undefined}
              chip={
                bubble.from === "buyer" && bubble.kind === "text" ? (
                  <span>
                    <IntentChip analysis={analyses.get(bubble.key)} />
                    {bubble.seq !== undefined && !proposal.active && me.abilities.includes(ABILITY.reply) && <ProposeLink onClick={() => proposal.start(bubble.key)} />}
                  </span>
                ) : undefined
              }
            />
          </Pickable>
        ))}
        {buyerTyping && (
          <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>
            {t("chat.buyerTyping", { nick: conversation.data.customer.nick })}
          </Typography.Text>
        )}
      </div>
      {bargaining && bargainClosedAt !== lastBuyerKey && replyable && !closed && (
        <BargainHelper
          key={`${conversationId}:${productId ?? ""}`}
          conversationId={conversationId}
          shopId={conversation.data.shopId}
          productId={productId}
          onClose={() => setBargainClosedAt(lastBuyerKey)}
        />
      )}
      <ProposalBar proposal={proposal} messages={bubbles} intents={analyses} conversation={conversation.data} product={lastProduct} />
      <Composer
        key={conversationId}
        suggestFor={suggestFor}
        conversationId={conversationId}
        disabledReason={closed ? "closed" : replyable ? null : "colleague"}
      />
    </Flex>
  );
}
