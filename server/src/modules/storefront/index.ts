export { registerStorefrontRoutes } from "./storefront.routes";
