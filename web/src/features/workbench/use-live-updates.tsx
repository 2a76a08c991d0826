// Applies socket events to the react-query caches of the workbench, and calls for the
// agent's attention on new buyer messages.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { beep, desktopNotify } from "../../platform/notify";
import { useServerEvents } from "../../platform/realtime/RealtimeProvider";
import { useSession } from "../../platform/session";
import { ABILITY, type ChatMessage, type ConversationSummary, type Me } from "../../platform/types";
import { applyMessage, mergeMessages, previewText, sortByActivity, upsertInView, type Viewer } from "./conversation-cache";
import { setBuyerRead, setBuyerTyping } from "./chat-signals";
import { QUEUE_VIEWS, conversationKey, customerKey, messagesKey, queueKey } from "./queries";
import { QUICK_REPLIES_KEY } from "../quick-replies/quick-replies-api";

type Update = (conversation: ConversationSummary) => ConversationSummary;

/** Applies `update` to every cached copy of one conversation; false when none is cached. */
export function updateCachedSummaries(queryClient: QueryClient, id: string, update: Update): boolean {
  let found = false;
  for (const view of QUEUE_VIEWS) {
    queryClient.setQueryData<ConversationSummary[]>(queueKey(view), (list) => {
      if (!list?.some((c) => c.id === id)) return list;
      found = true;
      return sortByActivity(list.map((c) => (c.id === id ? update(c) : c)));
    });
  }
  queryClient.setQueryData<ConversationSummary>(conversationKey(id), (one) => (one ? update(one) : one));
  return found;
}

/** A fresh summary from the server (claim, close, conversation.updated) into every view. */
export function storeConversation(queryClient: QueryClient, conversation: ConversationSummary, viewer: Viewer): void {
  for (const view of QUEUE_VIEWS) {
    queryClient.setQueryData<ConversationSummary[]>(queueKey(view), (list) =>
      list ? upsertInView(list, conversation, view, viewer) : list,
    );
  }
  queryClient.setQueryData(conversationKey(conversation.id), conversation);
}

export function useLiveUpdates(selectedId: string | null, open: (id: string) => void): void {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const me = useSession();
  const viewer = viewerOf(me);
  const selected = useRef(selectedId);
  const resumedBefore = useRef(false);
  useEffect(() => {
    selected.current = selectedId;
  }, [selectedId]);

  useServerEvents((event) => {
    switch (event.type) {
      case "conversation.updated":
        storeConversation(queryClient, event.conversation, viewer);
        break;
      case "message.new":
      case "message.ack": {
        const message = event.message;
        const id = message.conversationId;
        queryClient.setQueryData<ChatMessage[]>(messagesKey(id), (old) => (old ? mergeMessages(old, [message]) : old));
        const viewing = id === selected.current && document.visibilityState === "visible";
        const known = updateCachedSummaries(queryClient, id, (c) => applyMessage(c, message, { viewing }));
        // A conversation none of the lists holds yet: let the server say where it goes.
        if (!known) void queryClient.invalidateQueries({ queryKey: ["conversations", "list"] });
        if (event.type === "message.new" && message.from === "buyer") {
          setBuyerTyping(id, false);
          beep();
          if (!viewing) {
            const nick = findNick(queryClient, id) ?? t("chat.buyer");
            const body = previewText(message) || t(`message.kind.${message.kind}`);
            desktopNotify(t("notify.newMessage", { nick }), body, `qd-${id}`, () => open(id));
          }
        }
        break;
      }
      case "typing":
        if (event.from === "buyer") setBuyerTyping(event.conversationId, event.typing);
        break;
      case "read":
        if (event.by === "buyer") setBuyerRead(event.conversationId, event.seq);
        else updateCachedSummaries(queryClient, event.conversationId, (c) => (event.seq >= c.lastSeq ? { ...c, unread: 0 } : c));
        break;
      case "conversation.alert": {
        // An upset buyer: a lasting notice in the corner (and the desktop) until dealt with.
        const title = t("assistant.alertTitle", { nick: event.nick || t("chat.buyer") });
        beep();
        notification.warning({
          key: `alert-${event.conversationId}`,
          message: <span data-testid="upset-alert">{title}</span>,
          description: event.text,
          duration: 0,
          onClick: () => open(event.conversationId),
        });
        desktopNotify(title, event.text, `qd-alert-${event.conversationId}`, () => open(event.conversationId));
        break;
      }
      case "order_action.updated":
        // The buyer answered an order card (or it was withdrawn): the card shows its new state.
        queryClient.setQueryData<ChatMessage[]>(messagesKey(event.conversationId), (old) =>
          old?.map((m) => (m.card?.actionId === event.card.actionId ? { ...m, card: event.card } : m)),
        );
        break;
      case "order.changed":
        void queryClient.invalidateQueries({ queryKey: ["order", event.orderId] });
        void queryClient.invalidateQueries({ queryKey: customerKey(event.customerId) });
        void queryClient.invalidateQueries({ queryKey: ["orders"] });
        break;
      case "quick_replies.changed":
        void queryClient.invalidateQueries({ queryKey: QUICK_REPLIES_KEY });
        break;
      case "resume.done":
        // After a reconnect, summaries may have changed in ways no message shows (claims,
        // closes). The first connect follows the initial fetch, so it needs no refetch.
        if (resumedBefore.current) void queryClient.invalidateQueries({ queryKey: ["conversations"] });
        resumedBefore.current = true;
        break;
      default:
        break;
    }
  });
}

export function viewerOf(me: Me): Viewer {
  return { id: me.agent.id, team: me.agent.team, viewAll: me.abilities.includes(ABILITY.viewAll) };
}

function findNick(queryClient: QueryClient, id: string): string | undefined {
  const one = queryClient.getQueryData<ConversationSummary>(conversationKey(id));
  if (one) return one.customer.nick;
  for (const view of QUEUE_VIEWS) {
    const hit = queryClient.getQueryData<ConversationSummary[]>(queueKey(view))?.find((c) => c.id === id);
    if (hit) return hit.customer.nick;
  }
  return undefined;
}
