export { products, skus, productImages } from "./catalog.schema";
export type { NewProduct, ProductRow, SkuRow } from "./catalog.repo";
export { createProduct, findProductCard, listShopProducts, listSkus } from "./catalog.repo";
export { registerCatalogRoutes } from "./catalog.routes";
export { readKnowledge, type Knowledge } from "./knowledge";
