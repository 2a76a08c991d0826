export { reviews } from "./reviews.schema";
