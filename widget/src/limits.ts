// The protocol's shared limits, restated here because the widget imports chat-protocol.ts
// with `import type` only (nothing of the server may land in the bundle). The literal types
// of CHAT_LIMITS make tsc fail if the server's numbers and these ever drift apart.
import type { CHAT_LIMITS } from "../../server/src/modules/conversations/chat-protocol";

type Limits = typeof CHAT_LIMITS;

export const HEARTBEAT_MS: Limits["heartbeatMs"] = 25_000;
export const MAX_TEXT_LENGTH: Limits["maxTextLength"] = 2000;
export const MAX_IMAGE_BYTES: Limits["maxImageBytes"] = 2 * 1024 * 1024;
