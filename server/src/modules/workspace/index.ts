export { shops, workspaces } from "./workspace.schema";
export type { ShopRow } from "./workspace.repo";
export { createShop, createWorkspace, findShop, findShopById, firstWorkspaceId, listShops, publicShop } from "./workspace.repo";
export { registerWorkspaceRoutes } from "./workspace.routes";
