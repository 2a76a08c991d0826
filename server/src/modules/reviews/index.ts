export { reviews } from "./reviews.schema";
export { registerReviewRoutes } from "./reviews.routes";
export { listReviews } from "./reviews.repo";
