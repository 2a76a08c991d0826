// The neutral/bad review follow-up: tasks opened when such a review arrives (API, import,
// or the sweep), kept in step with the review's rating, and worked on by after-sales
// (take, contact with the apology, collect evidence, record the outcome).
import { and, eq } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/database";
import { HttpError, conflict, notFound } from "../../platform/http/errors";
import { canSeeConversation, conversations, findConversation, summaries } from "../conversations";
import { followUpActions, followUpState, modifyDeadline, onRatingChange, opensFollowUp, reviewSettingsOf, type FollowUpAction, type Rating } from "./follow-up.rules";
import {
  evidenceCount,
  findFollowUp,
  followUpSteps,
  followUpsWithChangedRating,
  insertFollowUps,
  reviewsWithoutFollowUp,
  updateFollowUp,
  type FollowUpListRow,
  type NewFollowUp,
  type ReconcileScope,
} from "./follow-up.repo";
import { findReviewRow, setReply } from "./reviews.repo";
import type { FollowUpOutcome } from "./reviews.schema";

/** A task just opened: what the alert to after-sales says. */
export interface OpenedFollowUp {
  workspaceId: string;
  shopId: string;
  followUpId: string;
  reviewId: string;
  rating: Rating;
  nick: string;
  text: string;
  dueAt: string;
}

function excerpt(text: string | null, max = 80): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Brings the tasks in line with the reviews in scope: a task for each neutral/bad review
 * still within its modification deadline, and a recorded step (closing or reopening the
 * task) where a review's rating changed. Safe to run anywhere, any number of times.
 */
export async function reconcileFollowUps(db: Db, scope: ReconcileScope, now = Date.now()): Promise<OpenedFollowUp[]> {
  const candidates = await reviewsWithoutFollowUp(db, scope, now);
  const fresh: (NewFollowUp & { nick: string; text: string | null })[] = [];
  for (const c of candidates) {
    const settings = reviewSettingsOf(c.settings);
    if (!opensFollowUp(c.rating, c.at.getTime(), settings, now)) continue;
    fresh.push({
      workspaceId: c.workspaceId,
      shopId: c.shopId,
      reviewId: c.reviewId,
      orderId: c.orderId,
      customerId: c.customerId,
      rating: c.rating,
      dueAt: new Date(modifyDeadline(c.at.getTime(), settings)),
      nick: c.nick ?? "",
      text: c.text,
    });
  }
  const opened: OpenedFollowUp[] = [];
  for (let i = 0; i < fresh.length; i += 500) {
    const chunk = fresh.slice(i, i + 500);
    const inserted = await insertFollowUps(db, chunk.map(({ nick: _n, text: _t, ...row }) => row), new Date(now));
    const byReview = new Map(chunk.map((c) => [c.reviewId, c]));
    for (const { id, reviewId } of inserted) {
      const c = byReview.get(reviewId)!;
      opened.push({ workspaceId: c.workspaceId, shopId: c.shopId, followUpId: id, reviewId, rating: c.rating, nick: c.nick, text: excerpt(c.text), dueAt: c.dueAt.toISOString() });
    }
  }

  for (const { task, rating } of await followUpsWithChangedRating(db, scope)) {
    const change = onRatingChange(task, rating);
    const at = new Date(now);
    const details = { from: task.rating, to: rating, ...(change.kind === "close_modified" ? { outcome: "modified" } : {}), ...(change.kind === "reopen" ? { reopened: true } : {}) };
    const fields =
      change.kind === "close_modified"
        ? { rating, status: "closed" as const, outcome: "modified" as const, closedAt: at, closedBy: null }
        : change.kind === "reopen"
          ? { rating, status: "open" as const, outcome: null, outcomeNote: null, closedAt: null, closedBy: null }
          : { rating };
    // A colleague acting at the same moment wins; the next reconcile sees the change again.
    await updateFollowUp(db, task, fields, { action: "review_changed", agentId: null, at, details });
  }
  return opened;
}

export function followUpView(row: FollowUpListRow, now = Date.now()) {
  const t = row.task;
  return {
    id: t.id,
    shopId: t.shopId,
    reviewId: t.reviewId,
    reviewExternalId: row.reviewExternalId,
    orderId: t.orderId,
    orderExternalId: row.orderExternalId,
    customerId: t.customerId,
    nick: row.nick ?? "",
    rating: t.rating,
    reviewText: row.reviewText,
    reviewAt: row.reviewAt.toISOString(),
    item: row.reviewItem,
    reply: row.reply,
    status: t.status,
    outcome: t.outcome,
    outcomeNote: t.outcomeNote,
    assigneeId: t.assigneeId,
    assigneeName: row.assigneeName,
    dueAt: t.dueAt.toISOString(),
    state: followUpState(t.status, t.dueAt.getTime(), now),
    createdAt: t.createdAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
    closedBy: t.closedBy,
    version: t.version,
    actions: followUpActions(t),
  };
}

/** The buyer's latest conversation with the shop that this agent may open, if any. */
async function buyerConversation(db: Db, auth: AuthContext, task: FollowUpListRow["task"]): Promise<string | null> {
  const list = await summaries(
    db,
    and(eq(conversations.workspaceId, auth.agent.workspaceId), eq(conversations.shopId, task.shopId), eq(conversations.customerId, task.customerId)),
    20,
  );
  return list.find((c) => canSeeConversation(auth, c))?.id ?? null;
}

export async function followUpDetail(db: Db, auth: AuthContext, id: string, shopSettings: (shopId: string) => Promise<Record<string, unknown>>) {
  const row = await findFollowUp(db, auth.agent.workspaceId, id);
  if (!row) throw notFound("follow-up");
  const [steps, conversationId, settings] = await Promise.all([followUpSteps(db, auth.agent.workspaceId, id), buyerConversation(db, auth, row.task), shopSettings(row.task.shopId)]);
  return {
    followUp: followUpView(row),
    conversationId,
    apology: reviewSettingsOf(settings).apologyTemplate,
    steps: steps.map((s) => ({ id: s.id, action: s.action, agentId: s.agentId, agentName: s.agentName, at: s.at.toISOString(), details: s.details })),
  };
}

export type FollowUpRequest =
  | { action: "take"; version: number }
  | { action: "contact"; version: number; channel: "chat" | "phone"; note?: string }
  | { action: "evidence"; version: number; text: string; conversationId?: string; fromSeq?: number; toSeq?: number }
  | { action: "outcome"; version: number; outcome: FollowUpOutcome; note?: string; reply?: string }
  | { action: "reopen"; version: number };

export async function actOnFollowUp(db: Db, auth: AuthContext, id: string, request: FollowUpRequest) {
  const ws = auth.agent.workspaceId;
  const row = await findFollowUp(db, ws, id);
  if (!row) throw notFound("follow-up");
  const task = row.task;
  const allowed = followUpActions(task);
  if (!allowed.includes(request.action as FollowUpAction)) {
    throw new HttpError(400, "invalid_transition", `"${request.action}" is not possible now (possible: ${allowed.join(", ")})`, "action");
  }
  if (request.version !== task.version) throw conflict("conflict", "A colleague changed this follow-up first: reload it");
  const me = auth.agent.id;
  const at = new Date();
  let fields: Parameters<typeof updateFollowUp>[2] = {};
  let details: Record<string, unknown> = {};
  switch (request.action) {
    case "take":
      if (task.assigneeId && task.assigneeId !== me && !auth.abilities.has("conversations.assign")) throw conflict("assigned", "A colleague has taken this follow-up");
      fields = { assigneeId: me };
      details = { from: task.assigneeId };
      break;
    case "contact":
      fields = task.assigneeId ? {} : { assigneeId: me };
      details = { channel: request.channel, ...(request.note ? { note: request.note } : {}) };
      break;
    case "evidence": {
      if (request.conversationId) {
        const conversation = await findConversation(db, ws, request.conversationId);
        // Evidence comes from this buyer's own chats; another buyer's is refused like a missing one.
        if (!conversation || conversation.customerId !== task.customerId) throw new HttpError(400, "invalid", "No such conversation of this buyer", "conversationId");
      }
      if (request.fromSeq !== undefined && request.toSeq !== undefined && request.fromSeq > request.toSeq) throw new HttpError(400, "invalid", "fromSeq must not be after toSeq", "fromSeq");
      details = { text: request.text, conversationId: request.conversationId ?? null, fromSeq: request.fromSeq ?? null, toSeq: request.toSeq ?? null };
      break;
    }
    case "outcome": {
      if (request.outcome === "explained") {
        const review = await findReviewRow(db, ws, task.reviewId);
        // "Explained" means the shop answered the review (seed 002: explain bad reviews).
        if (!request.reply && !review?.reply) throw new HttpError(400, "invalid", "explained: write the shop's reply to the review", "reply");
      }
      if (request.outcome === "malicious" && (await evidenceCount(db, ws, task.id)) === 0) {
        throw new HttpError(400, "evidence_required", "malicious: collect evidence for the appeal first", "evidence");
      }
      fields = { status: "closed", outcome: request.outcome, outcomeNote: request.note ?? null, closedAt: at, closedBy: me, ...(task.assigneeId ? {} : { assigneeId: me }) };
      details = { outcome: request.outcome, ...(request.note ? { note: request.note } : {}), ...(request.reply ? { reply: request.reply } : {}) };
      break;
    }
    case "reopen":
      fields = { status: "open", outcome: null, outcomeNote: null, closedAt: null, closedBy: null };
      details = { outcome: task.outcome };
      break;
  }
  const stepAction = { take: "taken", contact: "contacted", evidence: "evidence", outcome: "outcome", reopen: "reopened" }[request.action];
  if (!(await updateFollowUp(db, task, fields, { action: stepAction, agentId: me, at, details }))) {
    throw conflict("conflict", "A colleague changed this follow-up first: reload it");
  }
  if (request.action === "outcome" && request.reply) {
    await setReply(db, ws, task.reviewId, request.reply, me);
    await recordAudit(db, auth, "review.reply", "review", task.reviewId, { followUp: task.id });
  }
  const updated = await findFollowUp(db, ws, id);
  return followUpView(updated!);
}
