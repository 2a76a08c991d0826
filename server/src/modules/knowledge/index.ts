export { quickReplies } from "./knowledge.schema";
export { faqEntries } from "./faq.schema";
export { registerQuickReplyRoutes } from "./quick-replies.routes";
export { registerFaqRoutes } from "./faq.routes";
export { startQuickReplyEvents } from "./quick-replies.events";
export {
  DEFAULT_QUICK_REPLIES,
  LIBRARY_LOCALES,
  loadLibraryFaq,
  loadLibraryQuickReplies,
  loadScriptLibrary,
  scriptLibrary,
  seedDefaultQuickReplies,
  type LibraryLocale,
} from "./script-library";
