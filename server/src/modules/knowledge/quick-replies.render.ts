// Filling a phrase's variables for one conversation, so "亲，{shop}默认发{courier}，{cutoff}前付款当天发"
// reads right for every shop. Unknown {names} stay as written: a typo shows instead of
// silently vanishing.
import { and, desc, eq } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { canSeeConversation, findConversation, messages } from "../conversations";
import { findCustomer } from "../customers";
import { promotionVariables } from "../promotions";
import { findShop } from "../workspace";
import type { VariableValues } from "./variables";

export { VARIABLES, fillVariables, unfilledVariables, type Variable } from "./variables";

function setting(settings: Record<string, unknown>, key: string): string {
  const value = settings[key];
  return typeof value === "string" ? value : "";
}

/** The variables' values in a conversation the caller may see (404 otherwise). */
export async function variablesFor(db: Db, auth: AuthContext, conversationId: string): Promise<VariableValues> {
  const workspaceId = auth.agent.workspaceId;
  const conversation = await findConversation(db, workspaceId, conversationId);
  if (!conversation || !canSeeConversation(auth, conversation)) throw notFound("conversation");
  const [customer, shop, cards] = await Promise.all([
    findCustomer(db, workspaceId, conversation.customerId),
    findShop(db, workspaceId, conversation.shopId),
    // The products the conversation is about: the cards either side sent, newest first.
    db
      .select({ product: messages.product })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversation.id), eq(messages.kind, "product")))
      .orderBy(desc(messages.seq))
      .limit(20),
  ]);
  const lastCard = cards[0];
  const settings = shop?.settings ?? {};
  const productIds = cards.flatMap((c) => (c.product ? [c.product.productId] : []));
  const promo = shop ? await promotionVariables(db, workspaceId, shop, productIds, Date.now()) : { promotion: null, promotionEnd: null };
  // An empty value is no value: the {placeholder} stays, so the agent fills it in
  // instead of sending "亲，前付款当天发货".
  const value = (text: string | null | undefined) => (text ? text : null);
  return {
    buyer: value(customer?.nick),
    shop: value(shop?.name),
    agent: value(auth.agent.name),
    product: value(lastCard?.product?.title),
    courier: value(setting(settings, "defaultCourier")),
    cutoff: value(setting(settings, "shippingCutoff")),
    promotion: promo.promotion,
    promotion_end: promo.promotionEnd,
  };
}
