// The shop's service policies (settings.policies on the server, shop-settings.ts): how the
// form shows them and the PATCH body it sends. Defaults are the server's (it answers the
// effective policies), so a new shop's form shows the seeds' figures.
import { CONCESSION_PATTERNS, type ConcessionPattern } from "../../../../server/src/modules/assistant/bargain";
import { LINT_RULES, type LintRule } from "../../../../server/src/modules/assistant/lint/types";
import type { ShopDetail } from "../../platform/types";

export { CONCESSION_PATTERNS, LINT_RULES };
export const FREE_SHIPPING_ON_REQUEST = ["hold_firm", "grant_when_needed"] as const;
export type FreeShippingOnRequest = (typeof FREE_SHIPPING_ON_REQUEST)[number];

export interface ShopPolicies {
  freeShippingOnRequest: FreeShippingOnRequest;
  returnWindowDays: number;
  maxReplySeconds: number;
  promisedReplySeconds: number | null;
  concessionPattern: ConcessionPattern;
  lintRules: Record<LintRule, boolean>;
}

export interface PoliciesFormValues {
  freeShippingOnRequest?: FreeShippingOnRequest;
  returnWindowDays?: number | null;
  maxReplySeconds?: number | null;
  promisedReplySeconds?: number | null;
  concessionPattern?: ConcessionPattern;
  /** The rules switched on. */
  lintRules?: LintRule[];
}

/** The effective policies of a shop, or the seeds' defaults from a server that predates them. */
export function policiesOf(shop: Pick<ShopDetail, "settings">): ShopPolicies {
  const stored = (shop.settings.policies ?? {}) as Partial<ShopPolicies>;
  return {
    freeShippingOnRequest: stored.freeShippingOnRequest ?? "hold_firm",
    returnWindowDays: stored.returnWindowDays ?? 7,
    maxReplySeconds: stored.maxReplySeconds ?? 300,
    promisedReplySeconds: stored.promisedReplySeconds ?? null,
    concessionPattern: stored.concessionPattern ?? "shrinking",
    lintRules: { ...(Object.fromEntries(LINT_RULES.map((r) => [r, true])) as Record<LintRule, boolean>), ...stored.lintRules },
  };
}

export function policiesFormValues(shop: Pick<ShopDetail, "settings">): PoliciesFormValues {
  const p = policiesOf(shop);
  return { ...p, lintRules: LINT_RULES.filter((rule) => p.lintRules[rule]) };
}

/** The settings PATCH: every policy, an empty number left as stored (a cleared promise is null). */
export function policiesPatch(values: PoliciesFormValues): { settings: { policies: Partial<ShopPolicies> } } {
  const policies: Partial<ShopPolicies> = {};
  if (values.freeShippingOnRequest) policies.freeShippingOnRequest = values.freeShippingOnRequest;
  if (typeof values.returnWindowDays === "number") policies.returnWindowDays = values.returnWindowDays;
  if (typeof values.maxReplySeconds === "number") policies.maxReplySeconds = values.maxReplySeconds;
  policies.promisedReplySeconds = typeof values.promisedReplySeconds === "number" ? values.promisedReplySeconds : null;
  if (values.concessionPattern) policies.concessionPattern = values.concessionPattern;
  if (values.lintRules) policies.lintRules = Object.fromEntries(LINT_RULES.map((rule) => [rule, values.lintRules!.includes(rule)])) as Record<LintRule, boolean>;
  return { settings: { policies } };
}

/** Where the field the server names (settings.policies.lintRules.rude) lives in this form. */
export function formFieldOf(serverField: string): string[] | null {
  const m = /^settings\.policies\.(\w+)/.exec(serverField);
  return m ? [m[1]!] : null;
}
