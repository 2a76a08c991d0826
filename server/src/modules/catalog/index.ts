export { products, skus } from "./catalog.schema";
export type { NewProduct, ProductRow } from "./catalog.repo";
export { createProduct, findProductCard, listShopProducts, listSkus } from "./catalog.repo";
export { registerCatalogRoutes } from "./catalog.routes";
