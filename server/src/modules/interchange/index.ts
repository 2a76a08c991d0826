// The interchange file (CONTRACTS.md §3): what `qindesk import`/`export` and
// POST /api/v1/import read and write.
export { InterchangeError } from "./errors";
export { centsToDecimal, decimalToCents } from "./money";
export { parseInterchangeLine, parseRecord } from "./parse";
export { readInterchange, type InterchangeLine } from "./reader";
export {
  DEFAULT_SHOP_TIMEZONE,
  MESSAGE_SENDERS,
  ORDER_STATUSES,
  RECORD_TYPES,
  RETURN_KINDS,
  REVIEW_RATINGS,
  TEAMS,
  recordSchemas,
  type AgentRecord,
  type ConversationRecord,
  type CustomerRecord,
  type InterchangeRecord,
  type MessageRecord,
  type OrderRecord,
  type OrderStatus,
  type ProductRecord,
  type RecordType,
  type ReturnRecord,
  type ReviewRecord,
  type ShopRecord,
  type Team,
} from "./records";
export { formatInterchangeTime, interchangeTimeMs } from "./times";
export { formatInterchangeRecord, writeInterchange } from "./writer";
