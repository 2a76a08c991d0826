// The credit module's public face: other modules and the CLI import from here only.
export { computeCredit, resolveCreditSettings } from "./engine";
export { CreditInputError, creditFileSchema, parseCreditInput, type CreditFile } from "./input";
export { CREDIT_LEVELS, creditLevel, creditLevelRange, creditLevelSymbol, type CreditLevelRow } from "./levels";
export {
  DEFAULT_CREDIT_SETTINGS,
  type BuyerRating,
  type CreditInput,
  type CreditLevel,
  type CreditOutcome,
  type CreditResult,
  type CreditSettings,
  type CreditTier,
  type CreditTrade,
  type CreditTradeResult,
} from "./types";
// A stored shop's credit (orders and reviews through the same engine).
export { registerCreditRoutes } from "./credit.routes";
export { creditSettingsOf, orderCountsForCredit, paidThroughEscrowByDefault, storedTrades, type ShopFacts, type StoredLine, type StoredOrder, type StoredReview } from "./stored-trades";
