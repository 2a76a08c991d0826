// The shop settings an owner edits. Unknown keys are refused so a typo does not
// silently do nothing; other modules read these through ShopSettings.
import { z } from "zod";
import { isValidTimeZone } from "../../platform/time/zone";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM");

export const shopSettingsShape = z.strictObject({
  demo: z.boolean().optional(),
  /** Paid before this time (shop time) ships the same day (seed 003). */
  shippingCutoff: hhmm.optional(),
  defaultCourier: z.string().trim().min(1).max(50).optional(),
  /** Whole days added to the inquiry→payment attribution window (CONTRACTS §4). */
  attributionExtraDays: z.number().int().min(0).max(30).optional(),
  /** Seconds within which an agent should answer (seed 000: one minute). */
  responseTargetSeconds: z.number().int().min(10).max(3600).optional(),
  /** Reasons offered when closing a conversation that did not convert (seed 002). */
  lostReasons: z.array(z.string().trim().min(1).max(50)).min(1).max(30).optional(),
  /** Service hours in shop time; outside them new buyers get the away reply. */
  serviceHours: z.strictObject({ start: hhmm, end: hhmm }).optional(),
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

/** The settings as they take effect: stored values over the defaults. */
export function effectiveSettings(settings: Record<string, unknown>) {
  return {
    ...settings,
    autoReplies: { ...DEFAULT_AUTO_REPLIES, ...((settings.autoReplies ?? {}) as Record<string, string>) },
    lostReasons: lostReasonsOf(settings),
  };
}
