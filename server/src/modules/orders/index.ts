export { orderItems, orders, returns } from "./orders.schema";
export type { OrderStatus } from "./orders.schema";
export { hasPaidOrder, insertOrder, listCustomerOrders, type NewOrder } from "./orders.repo";
