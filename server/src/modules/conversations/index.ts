export { conversations, messages } from "./conversations.schema";
export type * from "./chat-protocol";
export { registerConversationRoutes, conversationsOfCustomer } from "./conversations.routes";
export { registerConversationActionRoutes } from "./conversation-actions.routes";
export { startAssignmentOnCapacity } from "./capacity";
export { registerWidgetRoutes } from "./widget.routes";
export { registerChatSockets } from "./chat-socket";
export { startChatDelivery, type ChatHub, type ChatConnectionMeta } from "./chat-delivery";
export { storeMessage } from "./store-message";
export { signIdentity } from "./widget-identity";
export type { ChatDeps } from "./chat.service";
// For quick replies (render, live events) and message search.
export { sendToAgents } from "./chat-delivery";
export { CONVERSATION_TOPIC, type ConversationEvent } from "./chat.service";
export { findConversation, summaries, toChatMessage, type ConversationRow, type MessageRow } from "./conversations.repo";
export { canSeeConversation } from "./conversations.policy";
