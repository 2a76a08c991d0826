// Turning messages an agent picked in a chat into an FAQ proposal: the buyer's messages
// become the question variants, the agent's the answer, and what is particular to this
// chat (the buyer's nick, the shop, the product) goes back to {variables} so the answer
// fits the next buyer too. Pure, so it is tested without a browser.

export interface PickableMessage {
  key: string;
  from: "buyer" | "agent" | "bot" | "system";
  kind: string;
  text: string;
  seq?: number;
}

/** Only stored text messages of the buyer or an agent can be cited. */
export function canPick(m: PickableMessage): boolean {
  return (m.from === "buyer" || m.from === "agent") && m.kind === "text" && m.seq !== undefined && m.text.trim() !== "";
}

export interface ChatValues {
  buyer?: string | null;
  shop?: string | null;
  product?: string | null;
}

/** The chat's own words back to variables, longest first so "瑞丽女坊旗舰店" is not half replaced. */
export function generalize(text: string, values: ChatValues): string {
  const pairs = (Object.entries(values) as [keyof ChatValues, string | null | undefined][])
    .filter((pair): pair is [keyof ChatValues, string] => typeof pair[1] === "string" && pair[1].trim().length >= 2)
    .sort((a, b) => b[1].length - a[1].length);
  let out = text;
  for (const [name, value] of pairs) out = out.split(value).join(`{${name}}`);
  return out;
}

/** One question per line, trimmed, each once. */
export function questionLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ""))];
}

export interface ProposalStart {
  questions: string;
  answer: string;
  questionSeqs: number[];
  answerSeqs: number[];
}

/** The picked messages, in chat order, as the form's first draft. */
export function proposalFrom(messages: readonly PickableMessage[], picked: ReadonlySet<string>, values: ChatValues): ProposalStart {
  const chosen = messages.filter((m) => picked.has(m.key) && canPick(m));
  const asked = chosen.filter((m) => m.from === "buyer");
  const answered = chosen.filter((m) => m.from === "agent");
  return {
    questions: questionLines(asked.map((m) => m.text).join("\n")).join("\n"),
    answer: generalize(answered.map((m) => m.text.trim()).join("\n"), values),
    questionSeqs: asked.map((m) => m.seq!),
    answerSeqs: answered.map((m) => m.seq!),
  };
}
