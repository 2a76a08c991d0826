// Validation of what clients send over the socket (the types are in chat-protocol.ts).
import { z } from "zod";
import type { ClientEvent } from "./chat-protocol";
import { CHAT_LIMITS } from "./chat-protocol";

const id = z.string().min(1).max(100);

export const clientEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("hello"), lastSeq: z.record(id, z.number().int().min(0)) }),
  z.strictObject({
    type: z.literal("message.send"),
    clientId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
    conversationId: id.optional(),
    kind: z.enum(["text", "image", "product"]).optional(),
    text: z.string().max(CHAT_LIMITS.maxTextLength * 2).optional(),
    imageUrl: z.string().max(Math.ceil((CHAT_LIMITS.maxImageBytes * 4) / 3) + 100).optional(),
    productId: id.optional(),
  }),
  z.strictObject({ type: z.literal("typing"), conversationId: id, typing: z.boolean() }),
  z.strictObject({ type: z.literal("read"), conversationId: id, seq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal("ping") }),
]) satisfies z.ZodType<ClientEvent>;
