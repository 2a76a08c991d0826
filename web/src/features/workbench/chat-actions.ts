// The conversation actions of the chat header (docs/api.md, "Conversation actions"). Each
// answer's summary goes into every cached view at once; an answer without one (older
// servers) makes the lists refetch instead.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPost } from "../../platform/api";
import { useSession } from "../../platform/session";
import type { ConversationSummary, PresalesStage, Team } from "../../platform/types";
import { storeConversation, viewerOf } from "./use-live-updates";

export type ChatAction =
  | { type: "claim" }
  | { type: "stage"; stage: PresalesStage }
  | { type: "close"; outcome?: "converted" | "not_converted"; lostReason?: string; note?: string }
  | { type: "transfer"; agentId?: string; team?: Team; note?: string }
  | { type: "escalate"; note?: string };

/** The request body of an action: blank notes are left out. */
export function actionBody(action: ChatAction): Record<string, unknown> {
  const { type: _type, ...rest } = action;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === "string" ? value.trim() !== "" : value !== undefined) body[key] = typeof value === "string" ? value.trim() : value;
  }
  return body;
}

export function useChatAction(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useSession();
  return useMutation({
    mutationFn: (action: ChatAction) =>
      apiPost<{ conversation?: ConversationSummary } | undefined>(
        `/api/v1/conversations/${encodeURIComponent(conversationId)}/${action.type}`,
        actionBody(action),
      ),
    onSuccess: (answer) => {
      if (answer?.conversation) storeConversation(queryClient, answer.conversation, viewerOf(me));
      else void queryClient.invalidateQueries({ queryKey: ["conversations"] });
    },
  });
}
