// zod shapes of FAQ entries: one source for validation (400 naming the field), the
// handlers' types and OpenAPI. Answers are plain text: control characters are refused
// and nothing is ever turned into HTML; a {name} that is not one of the known variables
// is refused too, since it would reach the buyer as written.
import { z } from "zod";
import { INTENTS } from "../assistant/intent/labels";
import { PRESALES_STAGES } from "../conversations/chat-protocol";
import { VARIABLES } from "./variables";

export const FAQ_STATUSES = ["proposed", "approved", "rejected"] as const;
export const FAQ_SCOPES = ["shop", "category", "product"] as const;
export const MAX_QUESTIONS = 20;
export const MAX_ANSWER = 2000;

// Tab and line breaks are text; other control characters are not.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), "control characters are not allowed");

const knownVariables = (text: string) => [...text.matchAll(/\{([a-z_]+)\}/g)].every(([, name]) => (VARIABLES as readonly string[]).includes(name!));

export const questionShape = plainText(300);
export const questionsShape = z
  .array(questionShape)
  .min(1)
  .max(MAX_QUESTIONS)
  .refine((list) => new Set(list).size === list.length, "the same question is listed twice");
export const answerShape = plainText(MAX_ANSWER).refine(knownVariables, `unknown {variable}; the known ones are ${VARIABLES.map((v) => `{${v}}`).join(" ")}`);
export const categoryShape = z.string().trim().max(50).refine((s) => !CONTROL.test(s), "control characters are not allowed");
export const intentShape = z.enum(INTENTS);
export const stageShape = z.enum(PRESALES_STAGES).nullable();
export const statusShape = z.enum(FAQ_STATUSES);
export const scopeShape = z
  .strictObject({ type: z.enum(FAQ_SCOPES), values: z.array(z.string().trim().min(1).max(100)).max(200).default([]) })
  .refine((s) => (s.type === "shop" ? s.values.length === 0 : s.values.length > 0), {
    message: "a shop-wide entry names no values; a category or product entry names at least one",
    path: ["values"],
  });

export type FaqScope = z.output<typeof scopeShape>;

export const entryContentShape = z.strictObject({
  questions: questionsShape,
  answer: answerShape,
  category: categoryShape.default(""),
  intent: intentShape,
  stage: stageShape.default(null),
  scope: scopeShape.default({ type: "shop", values: [] }),
});
export type FaqContent = z.output<typeof entryContentShape>;

export const createEntryBody = entryContentShape.extend({ shopId: z.string().max(100) });
export const patchEntryBody = z.strictObject({
  questions: questionsShape.optional(),
  answer: answerShape.optional(),
  category: categoryShape.optional(),
  intent: intentShape.optional(),
  stage: stageShape.optional(),
  scope: scopeShape.optional(),
});
export type FaqPatch = z.output<typeof patchEntryBody>;

export const proposalBody = entryContentShape.extend({
  conversationId: z.string().max(100),
  /** The buyer's messages that asked it, and the agent's that answered (seq numbers in the chat). */
  questionSeqs: z.array(z.number().int().positive()).min(1).max(20),
  answerSeqs: z.array(z.number().int().positive()).min(1).max(20),
});

export const reviewBody = z.strictObject({ decision: z.enum(["approve", "reject"]), note: z.string().trim().max(500).optional() });

export const listQuery = z.strictObject({
  shopId: z.string().max(100).optional(),
  status: statusShape.optional(),
  q: z.string().trim().max(200).optional(),
  category: z.string().max(50).optional(),
  intent: intentShape.optional(),
  scope: z.enum(FAQ_SCOPES).optional(),
  mine: z.enum(["1", "0"]).optional(),
  sort: z.enum(["usage", "updated", "relevance"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const entryView = z.object({
  id: z.string(),
  shopId: z.string(),
  status: statusShape,
  questions: z.array(z.string()),
  answer: z.string(),
  category: z.string(),
  intent: intentShape,
  stage: z.string().nullable(),
  scope: z.object({ type: z.enum(FAQ_SCOPES), values: z.array(z.string()) }),
  libraryKey: z.string().nullable(),
  source: z.object({ conversationId: z.string(), questionSeqs: z.array(z.number()), answerSeqs: z.array(z.number()) }).nullable(),
  proposedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  usageCount: z.number().int(),
  lastUsedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FaqView = z.infer<typeof entryView>;

export const suggestBody = z.strictObject({
  conversationId: z.string().max(100),
  text: z.string().trim().min(1).max(2000),
  limit: z.number().int().min(1).max(10).default(3),
});
