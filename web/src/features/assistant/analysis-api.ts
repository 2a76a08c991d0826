// Intent and sentiment of the buyer messages on screen, from POST /api/v1/assistant/analyze.
// A message's analysis never changes, so answers are kept for the session by message and
// only messages not seen before are asked about, in one request.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Intent, Sentiment } from "../../../../server/src/modules/assistant/intent/labels";
import { apiPost } from "../../platform/api";

export interface Analysis {
  intent: Intent;
  confidence: number;
  sentiment: Sentiment;
}

const known = new Map<string, Analysis>();
const MAX_PER_REQUEST = 100;

export function useBuyerAnalyses(messages: readonly { key: string; text: string }[], enabled: boolean): ReadonlyMap<string, Analysis> {
  const missing = messages.filter((m) => m.text.trim() !== "" && !known.has(m.key)).slice(-MAX_PER_REQUEST);
  const keys = missing.map((m) => m.key);
  useQuery({
    queryKey: ["assistant-analysis", keys],
    enabled: enabled && keys.length > 0,
    staleTime: Infinity,
    queryFn: async () => {
      const { items } = await apiPost<{ items: Analysis[] }>("/api/v1/assistant/analyze", { texts: missing.map((m) => m.text.slice(0, 2000)) });
      items.forEach((analysis, i) => known.set(keys[i]!, analysis));
      return items;
    },
  });
  // A fresh map whenever answers arrived (the cache only grows), so memoised readers (the
  // buyer type) see them. The query's own data cannot say so: once answered, its key moves on.
  const size = known.size;
  return useMemo(() => new Map(known), [size, messages]);
}

/** Worth a colour: the buyer is upset, or the classifier is sure of an after-sales problem. */
export function needsCare(analysis: Analysis): boolean {
  return analysis.sentiment === "negative" || analysis.intent === "complaint";
}
