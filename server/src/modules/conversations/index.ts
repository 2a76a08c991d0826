export { conversations, messages } from "./conversations.schema";
export type * from "./chat-protocol";
export { registerConversationRoutes, conversationsOfCustomer } from "./conversations.routes";
export { registerWidgetRoutes } from "./widget.routes";
export { registerChatSockets } from "./chat-socket";
export { startChatDelivery, type ChatHub, type ChatConnectionMeta } from "./chat-delivery";
export { storeMessage } from "./store-message";
export { signIdentity } from "./widget-identity";
export type { ChatDeps } from "./chat.service";
