export { shops, workspaces } from "./workspace.schema";
export type { ShopRow } from "./workspace.repo";
export { createShop, createWorkspace, findShop, findShopById, firstWorkspaceId, listShops, publicShop, updateShop } from "./workspace.repo";
export { DEFAULT_AUTO_REPLIES, effectiveSettings, DEFAULT_LOST_REASONS, lostReasonsOf, shopSettingsShape, type ShopSettings } from "./shop-settings";
export { DEFAULT_POLICIES, policiesOf, responseTargetsOf, type EffectivePolicies, type ShopPolicies } from "./shop-settings";
export { registerWorkspaceRoutes } from "./workspace.routes";
