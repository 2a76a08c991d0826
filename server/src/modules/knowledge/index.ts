export { quickReplies } from "./knowledge.schema";
export { registerQuickReplyRoutes } from "./quick-replies.routes";
export { startQuickReplyEvents } from "./quick-replies.events";
export { seedDefaultQuickReplies, DEFAULT_QUICK_REPLIES } from "./default-quick-replies";
