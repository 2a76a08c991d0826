// Buyer text arrives in every form a phone keyboard allows: full-width letters,
// traditional characters, net-slang homophones (木有, 神马, 肿么) and the regional
// question particles 么/伐/不/嘛. Folding these onto one spelling lets a few
// thousand labelled lines cover the many ways buyers type the same question.

// Common traditional characters seen in shop chats (Taiwan/Hong Kong buyers).
const TRADITIONAL =
  "們们嗎吗貨货發发這这個个麼么號号碼码顏颜實实圖图質质錢钱運运費费郵邮優优換换訂订單单還还沒没買买賣卖價价寶宝點点條条褲裤襪袜鞋鞋" +
  "尺尺寸寸長长問问請请謝谢嗎吗麼么對对錯错給给幾几時时會会來来過过話话說说讓让為为幫帮廠厂專专櫃柜假假真真紅红藍蓝綠绿黃黄" +
  "顏颜現现無无庫库補补預预縮缩褪褪線线鈕钮釦扣壞坏髒脏破破舊旧洗洗熨熨護护銀银鑽钻場场適适合合處处聯联絡络態态務务差差評评" +
  "訊讯遞递貼贴廣广東东門门線线範范頁页達达歡欢喜喜樂乐愛爱氣气嗎吗麗丽裝装襯衬";

const TRADITIONAL_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) {
  const from = TRADITIONAL[i];
  const to = TRADITIONAL[i + 1];
  if (from !== undefined && to !== undefined && from !== to) TRADITIONAL_MAP.set(from, to);
}

// Whole-word slang first (longest first), so 有木有 is not half-rewritten by 木有.
const SLANG: ReadonlyArray<readonly [RegExp, string]> = [
  [/有木有/g, "有没有"],
  [/木有/g, "没有"],
  [/米有/g, "没有"],
  [/神马/g, "什么"],
  [/肿么/g, "怎么"],
  [/咋/g, "怎么"],
  [/啥/g, "什么"],
  [/酱紫/g, "这样"],
  [/稀饭/g, "喜欢"],
  [/童鞋/g, "同学"],
  [/蓝瘦/g, "难受"],
  [/介个/g, "这个"],
  [/肿么办/g, "怎么办"],
];

// Chat shorthand in English messages ("wat size r u", "pls", "thx").
const ENGLISH_SHORTHAND: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bu\b/g, "you"],
  [/\bur\b/g, "your"],
  [/\br\b/g, "are"],
  [/\b(?:pls|plz|plse)\b/g, "please"],
  [/\bwat\b/g, "what"],
  [/\b(?:thx|thnx|thanx|ty)\b/g, "thanks"],
  [/\brecie?ve/g, "receive"],
  [/\bcoz\b|\bcuz\b/g, "because"],
  [/\bpkg\b/g, "package"],
  [/\bhv\b/g, "have"],
];

const CLAUSE_END = "(?=$|[\\s\\p{P}\\p{S}~～])";
// 么/嘛/伐/不 closing a clause are spoken variants of 吗 (在么, 包邮不, 在伐); 什么, 怎么,
// 这么, 多么, 那么, 要么, 干嘛 keep their meaning.
const PARTICLES: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`(?<![什怎这那多要为])么${CLAUSE_END}`, "gu"), "吗"],
  [new RegExp(`(?<![干])嘛${CLAUSE_END}`, "gu"), "吗"],
  [new RegExp(`(?<=\\p{Script=Han})伐${CLAUSE_END}`, "gu"), "吗"],
  [new RegExp(`(?<=\\p{Script=Han})不${CLAUSE_END}`, "gu"), "吗"],
];

/** Size letters standing alone (M码, size l, 有XL吗) all become this mark. */
export const SIZE_MARK = "§";
const SIZE_TOKEN = /(?<![a-z0-9])(?:xxxl|xxl|[2-6]xl|xl|xs|s|m|l)(?![a-z])/g;

export function normalizeText(raw: string): string {
  let text = raw.normalize("NFKC").toLowerCase();
  text = text.replace(/[’'`]/g, "");
  let folded = "";
  for (const ch of text) folded += TRADITIONAL_MAP.get(ch) ?? ch;
  text = folded;
  for (const [pattern, replacement] of SLANG) text = text.replace(pattern, replacement);
  if (/[a-z]/.test(text)) for (const [pattern, replacement] of ENGLISH_SHORTHAND) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of PARTICLES) text = text.replace(pattern, replacement);
  text = text.replace(SIZE_TOKEN, SIZE_MARK);
  return text.replace(/\s+/g, " ").trim();
}
