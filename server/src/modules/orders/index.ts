export { orderItems, orders, returns } from "./orders.schema";
export type { OrderStatus } from "./orders.schema";
export { hasPaidOrder } from "./orders.repo";
