/** Published when an agent's sessions are ended (deactivated, password reset): their sockets close. */
export const AGENT_SESSIONS_ENDED = "agent.sessions_ended";

/** An agent came online, changed team or raised their chat limit: waiting buyers may be assigned. */
export const AGENT_CAPACITY_CHANGED = "agent.capacity_changed";

/** Published when a quick-reply library changes: payload QuickRepliesChanged (knowledge module). */
export const QUICK_REPLIES_CHANGED = "quick_replies.changed";

/** Neutral/bad reviews opened follow-up tasks: payload ReviewAlert (reviews module). */
export const REVIEW_FOLLOW_UPS_OPENED = "review.follow_ups_opened";
