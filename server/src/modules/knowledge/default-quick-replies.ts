// The library a new shop starts with, in the seeds' own words (SPEC §1): 000 §5.4's price
// replies, 001's picture-vs-item and escrow reassurance and "交易不成友谊存", 004's standard
// answers, farewells and "这个问题需要核实一下". Variables replace the seeds' "XX" so every
// shop's own courier and cut-off are filled in.
import type { Team } from "../../platform/auth/abilities";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { quickReplies } from "./knowledge.schema";

interface DefaultReply {
  teams: Team[];
  category: string;
  shortcut: string;
  text: string;
}

const BOTH: Team[] = ["presales", "aftersales"];

export const DEFAULT_QUICK_REPLIES: DefaultReply[] = [
  // 004 二(一)1: greeting.
  { teams: BOTH, category: "问候", shortcut: "hy", text: "亲，您好！欢迎光临{shop}，很高兴为您服务～" },
  // 000 §5.4: price questions, in the order the seed escalates them.
  { teams: ["presales"], category: "议价", shortcut: "tj", text: "亲，本店的特价商品已经是折后价了哦，很实惠呢！" },
  { teams: ["presales"], category: "议价", shortcut: "zp", text: "亲，我们是有质量保证的哦，绝对正品，让您买的物有所值！" },
  { teams: ["presales"], category: "议价", shortcut: "dj", text: "亲，这是店主定的价哦，不能随意更改的，亲，现在购买就是我们的会员了哦，下次购物有优惠呢！" },
  // 004 三(一)3: no extra discount.
  { teams: ["presales"], category: "议价", shortcut: "yh", text: "亲，我们的定价已经是很优惠的了，保证产品质量和服务，希望您理解哈～" },
  // 001 §四 3 and 004 三(一)4: is the picture the item?
  { teams: ["presales"], category: "商品", shortcut: "sw", text: "亲，我们的宝贝都是实物拍摄的哦，不过因为拍摄灯光、显示器不同，难免会有轻微色差，请亲有个心理准备哦。" },
  // 001 客服常见问题集: the item does not look like the picture.
  {
    teams: BOTH,
    category: "商品",
    shortcut: "sc",
    text: "您好，很谢谢您给我们提出的疑问。我们一定立刻调整，可能由于技术方面的原因，或者是我们打着灯光拍摄的原因，造成了一定的误差，实在是很抱歉。",
  },
  // 001: escrow reassurance for buyers new to Alipay.
  {
    teams: ["presales"],
    category: "付款",
    shortcut: "zfb",
    text: "亲，请您尽管放心，支付宝交易属于第三方支付，您的钱并没有到我的账上，而是在支付宝中，只有您收到宝贝以后，检查没有疑问了，再登录支付宝确认付款和评价了，您的钱才能到我们的账上。",
  },
  // 004 三(一)2: shipping time and courier.
  { teams: BOTH, category: "物流", shortcut: "fh", text: "亲，{cutoff}前付款当天为您安排发货哦，我们默认发{courier}，发货后会有物流信息更新，请您放心～" },
  { teams: BOTH, category: "物流", shortcut: "zdkd", text: "亲，目前我们暂时无法指定快递呢，我们会根据您的地址选择最合适的快递为您发出，请您放心。" },
  // 004 三(二)2 and 5: damaged goods, an angry buyer.
  {
    teams: ["aftersales"],
    category: "售后",
    shortcut: "ps",
    text: "亲，非常抱歉！麻烦您拍几张问题部位的照片发给我，核实情况后我们会根据店铺政策尽快为您处理（补发、退换货或部分退款）。",
  },
  { teams: ["aftersales"], category: "售后", shortcut: "qx", text: "亲，非常抱歉给您带来了不好的体验，您先消消气，慢慢说，我们一定尽力帮您解决。" },
  // 004 三(三)2: a question that cannot be answered at once.
  { teams: BOTH, category: "通用", shortcut: "hs", text: "这个问题我需要核实一下，请您稍等，我会尽快给您回复。" },
  // 001: 交易不成友谊存; 004 二(二)4: farewell.
  { teams: BOTH, category: "告别", shortcut: "yy", text: "先谢谢您对本店的支持与信任，您如果有问题或需要可以随时联系我的，期待您的下次光临！祝您万事如意！天天开心！" },
  { teams: BOTH, category: "告别", shortcut: "zj", text: "感谢您的光临，祝您生活愉快，欢迎下次再来！" },
];

/** Gives both teams of a workspace the default library; shortcuts already there are kept as they are. */
export async function seedDefaultQuickReplies(db: Db, workspaceId: string): Promise<void> {
  const rows = DEFAULT_QUICK_REPLIES.flatMap(({ teams, ...reply }) =>
    teams.map((team) => ({ id: newId("qr"), workspaceId, scope: "team" as const, team, ownerId: null, ...reply })),
  );
  await db.insert(quickReplies).values(rows).onConflictDoNothing();
}
