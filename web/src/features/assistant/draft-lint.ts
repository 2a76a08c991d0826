// The etiquette check of the agent's draft, run in the browser by the same pure module
// as `qindesk lint` (server/src/modules/assistant/lint), so it keeps up with typing.
import { useEffect, useState } from "react";
import { lintDraft } from "../../../../server/src/modules/assistant/lint/lint";
import type { LintIssue, LintRule } from "../../../../server/src/modules/assistant/lint/types";

export type { LintIssue, LintRule };

export function checkDraft(text: string, disabledRules: readonly LintRule[] = []): LintIssue[] {
  if (text.trim() === "") return [];
  return lintDraft(text, { disabledRules: [...disabledRules] }).issues;
}

/** The draft's issues, recomputed once typing pauses. */
export function useDraftLint(draft: string, disabledRules: readonly LintRule[] = [], delayMs = 250): LintIssue[] {
  const [issues, setIssues] = useState<LintIssue[]>([]);
  // Compared by content: a new array with the same rules is the same setting.
  const rules = disabledRules.join(",");
  useEffect(() => {
    if (draft.trim() === "") {
      setIssues([]);
      return;
    }
    const off = rules === "" ? [] : (rules.split(",") as LintRule[]);
    const timer = setTimeout(() => setIssues(checkDraft(draft, off)), delayMs);
    return () => clearTimeout(timer);
  }, [draft, delayMs, rules]);
  return issues;
}

/** The draft cut into plain and flagged pieces, for underlining without any HTML. */
export function markedPieces(draft: string, issues: readonly LintIssue[]): { text: string; rule: LintRule | null }[] {
  const sorted = [...issues].sort((a, b) => a.start - b.start);
  const pieces: { text: string; rule: LintRule | null }[] = [];
  let at = 0;
  for (const issue of sorted) {
    const start = Math.max(issue.start, at);
    if (issue.end <= start) continue;
    if (start > at) pieces.push({ text: draft.slice(at, start), rule: null });
    pieces.push({ text: draft.slice(start, issue.end), rule: issue.rule });
    at = issue.end;
  }
  if (at < draft.length) pieces.push({ text: draft.slice(at), rule: null });
  return pieces;
}
