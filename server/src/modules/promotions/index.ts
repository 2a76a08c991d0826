export { promotions } from "./promotions.schema";
export { registerPromotionRoutes } from "./promotions.routes";
export { evaluateForShop, promotionVariables } from "./promotions.service";
export { evaluatePromotions } from "./engine";
export { insertPromotion } from "./promotions.repo";
export { shopTimeOf } from "./window";
export type { AppliedPromotion, ClosePromotion, Evaluation, PromotionKind, PromotionRule, PromotionTerms } from "./types";
