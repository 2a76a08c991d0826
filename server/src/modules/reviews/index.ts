export { reviews, reviewFollowUps, reviewFollowUpSteps } from "./reviews.schema";
export { registerReviewRoutes, startFollowUpSweep } from "./reviews.routes";
export { startReviewAlerts } from "./follow-up.events";
export { reconcileFollowUps } from "./follow-up.service";
export { SEED_APOLOGY, DEFAULT_MODIFY_DEADLINE_DAYS, reviewSettingsOf } from "./follow-up.rules";
