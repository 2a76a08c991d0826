// Seed 001 §7 ("纠纷的处理技巧"): how a complaint is handled, in order — respond fast,
// receive warmly, listen, soothe and explain, apologise sincerely, propose a remedy,
// inform the buyer and follow up. A complaint case shows these as a checklist with who
// ticked each and when; each step has a phrase the agent can send (web i18n).
export const COMPLAINT_STEPS = ["respond_fast", "receive_warmly", "listen", "soothe_explain", "apologise", "propose_remedy", "inform_follow_up"] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Case kinds handled as complaints. */
export const COMPLAINT_KINDS = new Set(["complaint", "quality_complaint"]);
