// The evidence bundle for the platform's arbiter (小二, seeds 002 and 004): the case and
// its timeline, the order, the chat (or the excerpt the agent chose), the buyer's photos
// and a readable summary page, zipped. Everything user-written is escaped in the HTML;
// photos are only the images the chat already accepted (checked by content on upload).
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { messages } from "../conversations";
import { orderEvents, orderItems, orders } from "../orders";
import { caseSteps, findCase } from "./aftersales.service";
import { EVIDENCE_LABELS, type EvidenceLabels } from "./evidence-labels";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const PHOTO = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/=]+)$/;

export interface EvidenceOptions {
  /** Chat excerpt: only messages with seq in [fromSeq, toSeq]. */
  fromSeq?: number | undefined;
  toSeq?: number | undefined;
}

export async function evidenceBundle(db: Db, auth: AuthContext, caseId: string, options: EvidenceOptions = {}): Promise<{ fileName: string; zip: Uint8Array }> {
  const workspaceId = auth.agent.workspaceId;
  const row = await findCase(db, workspaceId, caseId);
  if (!row) throw notFound("case");
  const L: EvidenceLabels = EVIDENCE_LABELS[auth.agent.locale] ?? EVIDENCE_LABELS["zh-CN"];
  const steps = await caseSteps(db, workspaceId, row.id);
  const [order] = row.orderId ? await db.select().from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, row.orderId))).limit(1) : [];
  const items = order ? await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.position)) : [];
  // The courier's events (pushed by the shop's system or the demo courier): where the parcel was, when.
  const logistics = order ? await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, "logistics"))).orderBy(asc(orderEvents.at), asc(orderEvents.id)) : [];
  const chat = row.conversationId
    ? await db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.workspaceId, workspaceId),
            eq(messages.conversationId, row.conversationId),
            options.fromSeq !== undefined ? gte(messages.seq, options.fromSeq) : undefined,
            options.toSeq !== undefined ? lte(messages.seq, options.toSeq) : undefined,
          ),
        )
        .orderBy(asc(messages.seq))
    : [];
  const said = chat.filter((m) => m.sender !== "system");

  const files: Record<string, Uint8Array> = {};
  const photos: string[] = [];
  for (const m of said) {
    const match = m.kind === "image" && m.imageUrl ? PHOTO.exec(m.imageUrl) : null;
    if (!match) continue;
    const name = `photos/${String(m.seq).padStart(4, "0")}.${match[1] === "jpeg" ? "jpg" : match[1]}`;
    files[name] = Buffer.from(match[2]!, "base64");
    photos.push(name);
  }
  const who = (sender: string) => (sender === "buyer" ? L.buyer : sender === "bot" ? L.bot : L.agent);
  const time = (d: Date | null | undefined) => (d ? d.toISOString() : L.none);
  const chatLines = said.map((m) => `[${m.createdAt.toISOString()}] ${who(m.sender)}: ${m.kind === "image" ? `<${L.photos}>` : m.text}`);

  files["case.json"] = strToU8(JSON.stringify({ case: row, steps }, null, 2));
  if (order) files["order.json"] = strToU8(JSON.stringify({ order, items, logistics }, null, 2));
  files["chat.txt"] = strToU8(chatLines.join("\n") + "\n");

  const e = escapeHtml;
  const rowsOf = (pairs: [string, string][]) => pairs.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join("");
  const html = `<!doctype html><html lang="${e(auth.agent.locale)}"><head><meta charset="utf-8"><title>${e(L.title)} ${e(row.id)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:860px;margin:24px auto;padding:0 16px;color:#222}th{text-align:left;padding-right:16px;color:#666;font-weight:normal}td,th{padding:4px 8px 4px 0;vertical-align:top}li{margin:4px 0}.buyer{color:#1677ff}img{max-width:240px;margin:4px;border:1px solid #ddd}</style></head><body>
<h1>${e(L.title)}</h1>
<h2>${e(L.case)}</h2><table>${rowsOf([
    [L.case, row.id],
    [L.kind, row.kind],
    [L.status, row.status],
    [L.reason, row.reason],
    [L.opened, row.openedAt.toISOString()],
    [L.exportedBy, auth.agent.name],
  ])}</table>
<h2>${e(L.order)}</h2>${
    order
      ? `<table>${rowsOf([
          [L.orderNo, order.externalId ?? order.id],
          [L.paid, time(order.paidAt)],
          [L.shipped, time(order.shippedAt)],
          [L.delivered, time(order.deliveredAt)],
          [L.total, (order.totalCents / 100).toFixed(2)],
        ])}</table><p>${e(L.items)}: ${items.map((i) => e(`${i.skuId ?? i.productId ?? "-"} × ${i.qty} @ ${(i.priceCents / 100).toFixed(2)}`)).join("; ")}</p>`
      : `<p>${e(L.none)}</p>`
  }
<h2>${e(L.timeline)}</h2><ol>${steps.map((s) => `<li>${e(s.at.toISOString())} — ${e(s.action)} → ${e(s.toStatus)}${Object.keys(s.details).length ? ` <code>${e(JSON.stringify(s.details))}</code>` : ""}</li>`).join("")}</ol>
<h2>${e(L.logistics)}</h2><p>${e(order?.shippedAt ? `${L.shipped} ${order.shippedAt.toISOString()}${order.deliveredAt ? `, ${L.delivered} ${order.deliveredAt.toISOString()}` : ""}` : L.none)}</p>
${logistics.length ? `<ol>${logistics.map((l) => `<li>${e(`${l.at.toISOString()} — ${l.location ? `${l.location} · ` : ""}${l.description}`)}</li>`).join("")}</ol>` : ""}
<h2>${e(L.chat)}</h2><ol>${said.map((m) => `<li class="${m.sender === "buyer" ? "buyer" : ""}">${e(`[${m.createdAt.toISOString()}] ${who(m.sender)}: ${m.kind === "image" ? `<${L.photos}>` : m.text}`)}</li>`).join("") || `<li>${e(L.none)}</li>`}</ol>
<h2>${e(L.photos)}</h2><p>${photos.map((p) => `<img src="${e(p)}" alt="${e(p)}">`).join("") || e(L.none)}</p>
</body></html>`;
  files["summary.html"] = strToU8(html);
  return { fileName: `evidence-${row.id}.zip`, zip: zipSync(files, { level: 6 }) };
}
