// Optional reply drafting by an OpenAI-compatible model (QINDESK_LLM_URL / _MODEL / _KEY).
// Off by default; every other feature works without it. What leaves QinDesk is the recent
// conversation with phone numbers and street addresses masked — the model never sees a
// buyer's contact details — and the agent still reads, edits and sends the draft.
import type { LlmConfig } from "../../platform/config";
import { maskAddress, maskPhone } from "../../platform/privacy/mask";

export interface DraftLine {
  from: "buyer" | "agent" | "bot";
  text: string;
}

export interface DraftRequest {
  shopName: string;
  productTitle: string | null;
  lines: readonly DraftLine[];
  /** The buyer's stored contact details, masked wherever they appear verbatim. */
  known?: { phone?: string | null; address?: string | null };
}

export class LlmError extends Error {
  override name = "LlmError";
}

const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
// A Chinese street address: a place name, then a road, street, lane or number and what follows.
const STREET = /[\u4e00-\u9fa5]{2,}(?:省|市|自治区|区|县)[\u4e00-\u9fa5\d]*?(?:路|街|道|巷|弄|村|号)(?:[\d-]+|[号室栋楼层单元幢座])*/g;

/** Contact details out of free text: phones as 138****5678, streets cut back to the district. */
export function maskPersonalData(text: string, known: DraftRequest["known"] = {}): string {
  let out = text;
  if (known.phone) out = out.split(known.phone).join(maskPhone(known.phone) ?? "");
  if (known.address) out = out.split(known.address).join(maskAddress(known.address) ?? "");
  out = out.replace(PHONE, (phone) => maskPhone(phone.replace(/^\+?86[- ]?/, "")) ?? "");
  return out.replace(STREET, (address) => maskAddress(address) ?? "");
}

const MAX_LINES = 20;
const TIMEOUT_MS = 20_000;

export function draftMessages(request: DraftRequest): { role: "system" | "user" | "assistant"; content: string }[] {
  const system = [
    `你是淘宝店铺「${request.shopName}」的客服。用中文回复买家最后的问题，语气亲切有礼（可用“亲”“哦”“呢”），简短，一到三句话。`,
    "不要做绝对化的承诺，不要责怪买家，不要生硬拒绝；不确定的事说“这个问题需要核实一下，请您稍等”。",
    request.productTitle ? `买家在咨询的商品：${request.productTitle}。` : "",
  ]
    .filter(Boolean)
    .join("\n");
  // Auto-replies (welcome, busy) are the shop's boilerplate, not the conversation.
  const said = request.lines.filter((line) => line.from !== "bot");
  const lines = said.slice(-MAX_LINES).map((line) => ({
    role: line.from === "buyer" ? ("user" as const) : ("assistant" as const),
    content: maskPersonalData(line.text, request.known),
  }));
  return [{ role: "system", content: system }, ...lines];
}

/** One draft from the model, or an LlmError saying why not (never the key). */
export async function draftReply(config: LlmConfig, request: DraftRequest, fetchImpl: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(`${config.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(config.key ? { authorization: `Bearer ${config.key}` } : {}) },
      body: JSON.stringify({ model: config.model, messages: draftMessages(request), temperature: 0.3, max_tokens: 300 }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new LlmError(`the model did not answer (${err instanceof Error ? err.name : "error"})`);
  }
  if (!response.ok) throw new LlmError(`the model answered ${response.status}`);
  const body = (await response.json().catch(() => null)) as { choices?: { message?: { content?: unknown } }[] } | null;
  const content = body?.choices?.[0]?.message?.content;
  if (typeof content !== "string" || content.trim() === "") throw new LlmError("the model's answer held no text");
  return content.trim();
}
