export { customers } from "./customers.schema";
export type { CustomerRow } from "./customers.repo";
export { findCustomer, findOrCreateKnownBuyer, findOrCreateVisitor, insertCustomer } from "./customers.repo";
export { customerView, registerCustomerRoutes } from "./customers.routes";
