// An upset buyer is answered first and a supervisor hears of it (issue 9; seed 001 §7:
// respond fast to a complaint). "Upset" is the assistant reading the message as negative
// AND as a complaint: a merely impatient "怎么还没到啊" (negative, parcel stuck) should
// not page a supervisor, while "质量太差了，我要投诉" should.
import { analyzeBuyerMessage } from "../assistant/intent";

export function isUpsetBuyerMessage(text: string): boolean {
  if (text.trim() === "") return false;
  const { intent, sentiment } = analyzeBuyerMessage(text);
  return sentiment === "negative" && intent === "complaint";
}

/** What the alert shows of the message: enough to judge, never the whole essay. */
export function alertExcerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
