// The shop settings an owner edits. Unknown keys are refused so a typo does not
// silently do nothing; other modules read these through ShopSettings.
import { z } from "zod";
import { isValidTimeZone } from "../../platform/time/zone";
import { CONCESSION_PATTERNS } from "../assistant/bargain";
import { LINT_RULES } from "../assistant/lint/types";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM");

/**
 * The shop's service policies (SPEC §8, §11). Seed 001 holds firm on free shipping when
 * a buyer asks, seed 003 grants it when needed; seed 001 §1.2 lists four concession
 * patterns; the five etiquette rules of CONTRACTS §6 can each be switched off.
 */
export const shopPoliciesShape = z.strictObject({
  freeShippingOnRequest: z.enum(["hold_firm", "grant_when_needed"]).optional(),
  /** Days of the no-reason return window (after-sales reads it; categories may differ). */
  returnWindowDays: z.number().int().min(1).max(90).optional(),
  /** The longest an ordinary question may wait (seed 004: 5 minutes when nothing was promised). */
  maxReplySeconds: z.number().int().min(30).max(3600).optional(),
  /** The reply time the shop promises its buyers; when set it governs (null clears it). */
  promisedReplySeconds: z.number().int().min(10).max(3600).nullable().optional(),
  concessionPattern: z.enum(CONCESSION_PATTERNS).optional(),
  lintRules: z.strictObject(Object.fromEntries(LINT_RULES.map((rule) => [rule, z.boolean().optional()])) as Record<(typeof LINT_RULES)[number], z.ZodOptional<z.ZodBoolean>>).optional(),
});
export type ShopPolicies = z.infer<typeof shopPoliciesShape>;

export const shopSettingsShape = z.strictObject({
  demo: z.boolean().optional(),
  /** Paid before this time (shop time) ships the same day (seed 003). */
  shippingCutoff: hhmm.optional(),
  defaultCourier: z.string().trim().min(1).max(50).optional(),
  /** Couriers a buyer may ask for instead of the default, each with its surcharge in fen (seed 000, 004: 加钱发顺丰). */
  courierOptions: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(50), surchargeCents: z.number().int().min(0).max(100_000) }))
    .max(20)
    .optional(),
  /** Postage of a storefront order below the free-shipping threshold, in fen. */
  shippingFeeCents: z.number().int().min(0).max(100_000).optional(),
  /** Where order events go (signed with the shop's webhook secret), and with what. */
  webhookUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  /** 催付 (seed 002): the automatic sequence; at most two reminders per order, never in quiet hours. */
  unpaidReminders: z
    .strictObject({
      enabled: z.boolean().optional(),
      firstAfterMinutes: z.number().int().min(5).max(72 * 60).optional(),
      secondAfterMinutes: z.number().int().min(10).max(7 * 24 * 60).optional(),
      quietHours: z.strictObject({ start: hhmm, end: hhmm }).optional(),
    })
    .optional(),
  /** The demo courier: seconds between simulated logistics events of a demo order. */
  demoLogisticsStepSeconds: z.number().int().min(1).max(86_400).optional(),
  /** Whole days added to the inquiry→payment attribution window (CONTRACTS §4). */
  attributionExtraDays: z.number().int().min(0).max(30).optional(),
  /** Seconds within which an agent should answer (seed 000: one minute). */
  responseTargetSeconds: z.number().int().min(10).max(3600).optional(),
  /** Reasons offered when closing a conversation that did not convert (seed 002). */
  lostReasons: z.array(z.string().trim().min(1).max(50)).min(1).max(30).optional(),
  /** Service hours in shop time; outside them new buyers get the away reply. */
  serviceHours: z.strictObject({ start: hhmm, end: hhmm }).optional(),
  policies: shopPoliciesShape.optional(),
  /** Neutral/bad review follow-up (reviews module: follow-up.rules.ts has the defaults). */
  reviews: z
    .strictObject({
      /** Days after a neutral/bad review during which the buyer may still change it (no seed says; Taobao: 30). */
      modifyDeadlineDays: z.number().int().min(1).max(365).optional(),
      /** What the agent says first (seed 001: "非常抱歉，我的东西没能让您满意…"). */
      apologyTemplate: z.string().trim().min(1).max(500).optional(),
    })
    .optional(),
  /** The platform's credit rules for this shop (credit module: CONTRACTS §5 defaults). */
  credit: z
    .strictObject({
      reviewWindowDays: z.number().int().min(1).max(1000).optional(),
      defaultGoodAfterDays: z.number().int().min(0).max(365).optional(),
      monthlyPairCap: z.number().int().min(0).max(1000).optional(),
      sameItemWindowDays: z.number().int().min(0).max(365).optional(),
      /** Paid orders went through the platform's escrow (default: yes on taobao and tmall). */
      paidThroughEscrow: z.boolean().optional(),
    })
    .optional(),
  autoReplies: z
    .strictObject({
      welcome: z.string().trim().min(1).max(500).optional(),
      welcomeBack: z.string().trim().min(1).max(500).optional(),
      busy: z.string().trim().min(1).max(500).optional(),
      away: z.string().trim().min(1).max(500).optional(),
    })
    .optional(),
});
export type ShopSettings = z.infer<typeof shopSettingsShape>;

export const shopProfilePatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  platform: z.enum(["taobao", "tmall", "jd", "pinduoduo", "douyin", "own"]).optional(),
  timezone: z.string().refine(isValidTimeZone, "an IANA time zone such as Asia/Shanghai").optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as CNY").optional(),
  settings: shopSettingsShape.optional(),
});

/** Seed 002's reasons a buyer did not buy; the workbench translates these codes. */
export const DEFAULT_LOST_REASONS = ["price", "quality", "style", "value", "no_discount", "features", "shipping_fee", "courier", "out_of_stock", "other"];

export function lostReasonsOf(settings: Record<string, unknown>): string[] {
  const list = settings.lostReasons;
  return Array.isArray(list) && list.every((r) => typeof r === "string") && list.length > 0 ? (list as string[]) : DEFAULT_LOST_REASONS;
}

/** Auto-reply wording when a shop has not written its own: the seeds' texts (000 welcome and busy, 004 away). */
export const DEFAULT_AUTO_REPLIES = {
  welcome: "亲，你好，欢迎光临，我是{shop}的客服，很高兴为你服务！",
  welcomeBack: "欢迎亲的再次光临{shop}，有什么可以帮您的吗？",
  busy: "现在客服咨询量较多，回复比较慢，请亲把问题一并列出，我们会尽快回复您，谢谢亲的耐心等待！",
  away: "亲，现在是非工作时间，客服会在 {back} 上线后第一时间回复您，请把问题留言给我们哦～",
};

/** The policies a shop starts with: the seeds' figures, free shipping held firm, every etiquette rule on. */
export const DEFAULT_POLICIES = {
  freeShippingOnRequest: "hold_firm",
  returnWindowDays: 7,
  maxReplySeconds: 300,
  promisedReplySeconds: null,
  concessionPattern: "shrinking",
  lintRules: Object.fromEntries(LINT_RULES.map((rule) => [rule, true])) as Record<(typeof LINT_RULES)[number], boolean>,
} satisfies Required<ShopPolicies>;

/** Seed 000: answer within a minute. */
export const DEFAULT_FIRST_REPLY_SECONDS = 60;

export type EffectivePolicies = typeof DEFAULT_POLICIES & { freeShippingOnRequest: "hold_firm" | "grant_when_needed"; concessionPattern: (typeof CONCESSION_PATTERNS)[number]; promisedReplySeconds: number | null };

/** Stored policies over the defaults; a stored value that no longer parses falls back to its default. */
export function policiesOf(settings: Record<string, unknown>): EffectivePolicies {
  const parsed = shopPoliciesShape.safeParse(settings.policies ?? {});
  const stored = parsed.success ? parsed.data : {};
  const kept = Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_POLICIES, ...kept, lintRules: { ...DEFAULT_POLICIES.lintRules, ...stored.lintRules } } as EffectivePolicies;
}

/**
 * Reply targets as they take effect: a promise to buyers governs the longest wait (seed
 * 004's 5 minutes are for shops that promised nothing), and the first reply is never
 * due later than that.
 */
export function responseTargetsOf(settings: Record<string, unknown>) {
  const policies = policiesOf(settings);
  const maxReplySeconds = policies.promisedReplySeconds ?? policies.maxReplySeconds;
  const first = typeof settings.responseTargetSeconds === "number" ? settings.responseTargetSeconds : DEFAULT_FIRST_REPLY_SECONDS;
  return { firstReplySeconds: Math.min(first, maxReplySeconds), maxReplySeconds, promised: policies.promisedReplySeconds !== null };
}

/** Settings after a PATCH: key by key, and inside the nested groups too. */
export function mergeSettings(stored: Record<string, unknown>, patch: ShopSettings): Record<string, unknown> {
  const storedPolicies = (stored.policies ?? {}) as ShopPolicies;
  const merged: Record<string, unknown> = { ...stored, ...patch, autoReplies: { ...(stored.autoReplies as object | undefined), ...patch.autoReplies } };
  if (patch.reviews) merged.reviews = { ...(stored.reviews as object | undefined), ...patch.reviews };
  if (patch.credit) merged.credit = { ...(stored.credit as object | undefined), ...patch.credit };
  if (patch.unpaidReminders) merged.unpaidReminders = { ...(stored.unpaidReminders as object | undefined), ...patch.unpaidReminders };
  if (patch.policies) {
    merged.policies = { ...storedPolicies, ...patch.policies, lintRules: { ...storedPolicies.lintRules, ...patch.policies.lintRules } };
  }
  return merged;
}

/** A rule across settings that a single field's shape cannot say, or null. */
export function settingsProblem(settings: Record<string, unknown>): { field: string; message: string } | null {
  const first = settings.responseTargetSeconds;
  const max = policiesOf(settings).maxReplySeconds;
  if (typeof first === "number" && first > max) {
    return { field: "settings.policies.maxReplySeconds", message: "settings.policies.maxReplySeconds: must not be shorter than the first-reply target" };
  }
  return null;
}

/** The settings as they take effect: stored values over the defaults. */
export function effectiveSettings(settings: Record<string, unknown>) {
  return {
    ...settings,
    autoReplies: { ...DEFAULT_AUTO_REPLIES, ...((settings.autoReplies ?? {}) as Record<string, string>) },
    lostReasons: lostReasonsOf(settings),
    responseTargetSeconds: typeof settings.responseTargetSeconds === "number" ? settings.responseTargetSeconds : DEFAULT_FIRST_REPLY_SECONDS,
    policies: policiesOf(settings),
    responseTargets: responseTargetsOf(settings),
  };
}
