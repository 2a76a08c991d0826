// Test data: a figures object of zeros and nulls (an agent with no activity), with overrides.
import type { Figures } from "./figures-format";

export const figuresWith = (over: Partial<Figures>): Figures => ({
  inquiringBuyers: 0,
  orderingBuyers: 0,
  payingBuyers: 0,
  inquiryToOrderRate: null,
  inquiryToPaymentRate: null,
  replyRate: null,
  avgFirstResponseSeconds: null,
  avgResponseSeconds: null,
  sales: 0,
  orders: 0,
  salesPerBuyer: null,
  salesPerOrder: null,
  responseWithin3MinRate: null,
  ...over,
});
