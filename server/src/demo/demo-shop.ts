// The demo shop of seed 000 (瑞丽女坊, a student shop selling women's clothing): its
// categories, a few products with colour × size SKUs, floor prices and the knowledge an
// agent needs, and three agents whose sign-ins CONTRACTS §2 promises.
import type { NewProduct } from "../modules/catalog";
import type { PromotionTerms } from "../modules/promotions/types";

export const DEMO_PASSWORD = "qindesk-demo";

export const DEMO_AGENTS = [
  { email: "owner@demo.qindesk", name: "店主 林悦", role: "owner", team: "presales", maxChats: 10 },
  { email: "supervisor@demo.qindesk", name: "主管 周敏", role: "supervisor", team: "presales", maxChats: 10 },
  { email: "presales@demo.qindesk", name: "售前 小雅", role: "agent", team: "presales", maxChats: 8 },
  { email: "aftersales@demo.qindesk", name: "售后 小安", role: "agent", team: "aftersales", maxChats: 8 },
] as const;

const sizes = ["S", "M", "L", "XL"];
const skus = (colors: string[], stock: (color: string, size: string) => number) =>
  colors.flatMap((color) => sizes.map((size) => ({ color, size, stock: stock(color, size), displayedStock: stock(color, size) + 20 })));

// Chest / length in cm, and the height and weight each size fits (for the size helper).
const topsChart = {
  S: "胸围 92 衣长 58，155–160 cm / 42–48 kg",
  M: "胸围 96 衣长 60，160–165 cm / 48–55 kg",
  L: "胸围 100 衣长 62，165–170 cm / 55–62 kg",
  XL: "胸围 104 衣长 64，170–175 cm / 62–70 kg",
};

export const DEMO_PRODUCTS: NewProduct[] = [
  {
    title: "V领宽松针织衫 秋冬新款",
    category: "针织衫",
    priceCents: 12800,
    promoPriceCents: 9900,
    floorPriceCents: 8800,
    attributes: {
      material: "羊毛 30%，腈纶 70%",
      care: "30℃以下手洗，平铺晾干，不可暴晒",
      sellingPoints: ["宽松版型遮肉", "V领显脸小"],
      suits: "身高 155–170 cm，通勤和休闲",
      knownLimits: "米白色在影棚灯光下略偏黄，实物更柔和",
      // Loose fit: a size up from the tops chart for the same body.
      sizeChart: { S: "胸围 96 衣长 60，150–158 cm / 40–47 kg", M: "胸围 100 衣长 62，158–165 cm / 47–54 kg", L: "胸围 104 衣长 64，165–170 cm / 54–61 kg", XL: "胸围 108 衣长 66，170–176 cm / 61–70 kg" },
    },
    skus: skus(["米白", "雾霾蓝", "黑色"], (c, s) => (c === "黑色" && s === "S" ? 0 : 12)),
  },
  {
    title: "纯棉圆领短袖T恤 基础款",
    category: "T恤",
    priceCents: 5900,
    floorPriceCents: 4500,
    attributes: { material: "100% 棉，200g", care: "可机洗，反面洗涤，避免暴晒", suits: "日常百搭", sizeChart: topsChart },
    skus: skus(["白色", "灰色", "藏青"], () => 30),
  },
  {
    title: "小西装外套 修身一粒扣",
    category: "西装",
    priceCents: 26800,
    promoPriceCents: 23800,
    floorPriceCents: 21000,
    attributes: { material: "聚酯纤维 65%，粘胶 35%", care: "建议干洗", suits: "面试、通勤", knownLimits: "偏修身，肩宽者建议大一码", sizeChart: topsChart },
    skus: skus(["黑色", "卡其"], (_c, s) => (s === "XL" ? 2 : 8)),
  },
  {
    title: "加绒连帽卫衣 情侣款",
    category: "卫衣",
    priceCents: 15900,
    floorPriceCents: 12900,
    attributes: { material: "棉 80%，聚酯纤维 20%，内里加绒", care: "冷水机洗，不可漂白", sizeChart: topsChart },
    skus: skus(["燕麦", "黑色", "粉色"], () => 15),
  },
  {
    title: "短款牛仔外套 复古水洗",
    category: "短外套",
    priceCents: 18900,
    floorPriceCents: 15900,
    attributes: { material: "100% 棉牛仔", care: "首次洗涤可能轻微掉色，请单独洗", sizeChart: topsChart },
    skus: skus(["浅蓝", "深蓝"], () => 10),
  },
  {
    title: "碎花雪纺连衣裙 收腰显瘦",
    category: "连衣裙",
    priceCents: 16800,
    promoPriceCents: 13800,
    floorPriceCents: 12000,
    attributes: { material: "雪纺（聚酯纤维），带内衬", care: "手洗，低温熨烫", suits: "约会、度假", sizeChart: { S: "腰围 64 裙长 105", M: "腰围 68 裙长 107", L: "腰围 72 裙长 109", XL: "腰围 76 裙长 111" } },
    skus: skus(["蓝色碎花", "黄色碎花"], (c) => (c === "黄色碎花" ? 3 : 9)),
  },
];

/**
 * The shop's promotions (seed 000: mention the gift before the buyer asks). Windows are
 * set at seeding, in shop days: `fromDaysAgo` before today's 00:00, to `forDays` after it
 * (null: until switched off).
 */
export const DEMO_PROMOTIONS: (PromotionTerms & { name: string; fromDaysAgo: number; forDays: number | null })[] = [
  { name: "满199减20", kind: "full_reduction", params: { tiers: [{ thresholdCents: 19900, amountOffCents: 2000 }, { thresholdCents: 29900, amountOffCents: 4000 }] }, fromDaysAgo: 7, forDays: 90 },
  { name: "满99包邮", kind: "free_shipping", params: { thresholdCents: 9900 }, fromDaysAgo: 30, forDays: null },
  { name: "买两件送袜子", kind: "gift", params: { minQuantity: 2, gift: "袜子", giftQuantity: 1 }, fromDaysAgo: 7, forDays: null },
];

/** Buyers with a history, so the customer sidebar and the order figures have something to show. */
export const DEMO_CUSTOMERS = [
  { externalId: "tb_xiaohong", nick: "小红爱逛街", name: "李红", phone: "13812341234", address: "浙江省杭州市西湖区文三路100号5幢302" },
  { externalId: "tb_amy", nick: "amy_0521", name: "王艾米", phone: "13987654321", address: "上海市浦东新区世纪大道88号12楼" },
  { externalId: "tb_chenchen", nick: "晨晨的衣橱", name: "陈晨", phone: "15011112222", address: "广东省广州市天河区体育西路6号" },
  { externalId: "tb_laoke", nick: "老顾客阿梅", name: "周梅", phone: "18633334444", address: "江苏省南京市鼓楼区中山路18号" },
] as const;

/** Orders in several statuses: [customer index, product index, sku index, qty, status, days ago created, paid?]. */
export const DEMO_ORDERS: [number, number, number, number, "awaiting_payment" | "paid" | "shipped" | "delivered" | "completed" | "refunded" | "cancelled", number, boolean][] = [
  [0, 0, 1, 1, "awaiting_payment", 0, false],
  [0, 1, 0, 2, "completed", 20, true],
  [1, 2, 5, 1, "paid", 1, true],
  [1, 5, 2, 1, "shipped", 3, true],
  [2, 3, 4, 1, "delivered", 6, true],
  [2, 4, 1, 1, "refunded", 12, true],
  [3, 0, 4, 1, "completed", 40, true],
  [3, 1, 7, 3, "cancelled", 2, false],
];
