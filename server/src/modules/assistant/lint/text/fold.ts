// Folding a draft for matching without moving a single offset: every replacement is
// one UTF-16 unit for one UTF-16 unit, so an index into the folded text is an index
// into the draft.

// Traditional → simplified for the characters the rules look at (drafts from
// Taiwan/Hong Kong shops, or an agent's input method left on 繁體). Pairs line up.
const TRADITIONAL =
  "證對會滾買賣優沒為麼詳還號電話區縣棟門樓單寶貝說這個們錯選擇碼顏質貨發價讓問題歡謝請親無辦給換郵種樣點時間絕擔準應該經過嗎煩廢閉腦進責關係與從來裡裏後頁細聽見覺開張陳劉楊黃趙吳鄭韓馮鄧蕭葉蘇呂盧鍾譚陸範賈韋鄒閆龍賀顧龔錢嚴萬湯戶紅綠藍車東慶遼寧廣貴雲陝灣鄉鎮館園廈莊費運遞滿減禮歸斷庫銷場實際聯繫處復覆確認盡爭幫決麻愛滾癡傻蠢樣麼眼瞎瘋氣隨騙懶誰讓怪錯頭聯絡準確檢驗寄達內諒歉虧紳線連絨魚漢語鳥戲講議談論證據須雖條壞顯敗異損壞"+
  "擾嚇罵醜惡懂廠聰殺斃態勢勵戀釋記許訂結標語幣級線絲網紗紡織縮褪熱縫鈕釦襯衫褲鞋襪帶帽領袖鬆緊彈圍齊貼驚喜帳戶戶號碼";
const SIMPLIFIED =
  "证对会滚买卖优没为么详还号电话区县栋门楼单宝贝说这个们错选择码颜质货发价让问题欢谢请亲无办给换邮种样点时间绝担准应该经过吗烦废闭脑进责关系与从来里里后页细听见觉开张陈刘杨黄赵吴郑韩冯邓萧叶苏吕卢钟谭陆范贾韦邹闫龙贺顾龚钱严万汤户红绿蓝车东庆辽宁广贵云陕湾乡镇馆园厦庄费运递满减礼归断库销场实际联系处复复确认尽争帮决麻爱滚痴傻蠢样么眼瞎疯气随骗懒谁让怪错头联络准确检验寄达内谅歉亏绅线连绒鱼汉语鸟戏讲议谈论证据须虽条坏显败异损坏"+
  "扰吓骂丑恶懂厂聪杀毙态势励恋释记许订结标语币级线丝网纱纺织缩褪热缝钮扣衬衫裤鞋袜带帽领袖松紧弹围齐贴惊喜帐户户号码";

const foldMap = new Map<number, number>();
for (let i = 0; i < TRADITIONAL.length; i++) foldMap.set(TRADITIONAL.charCodeAt(i), SIMPLIFIED.charCodeAt(i));

export function foldForMatching(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else {
      const s = foldMap.get(c);
      out += s === undefined ? text[i] : String.fromCharCode(s);
    }
  }
  return out;
}

export const TRADITIONAL_PAIRS_CHECK = TRADITIONAL.length === SIMPLIFIED.length;
