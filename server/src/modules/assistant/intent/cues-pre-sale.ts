// Cue words of the questions buyers ask before paying (see lexicon.ts).
import type { Intent } from "./labels";
import type { Cues } from "./lexicon";

export const PRE_SALE_CUES: Record<Extract<Intent, "greeting" | "product_question" | "size_fit" | "color_difference" | "material_quality" | "stock" | "bargain" | "gift_or_free_shipping" | "discount_coupon" | "payment_safety">, Cues> = {
  greeting: {
    // The whole message is a greeting (在吗, hello, 안녕하세요), nothing else.
    zh: ["^(?:(?:亲爱的|혹시 지금|혹시|亲亲|亲|掌柜的?|老板娘?|客服|店家|店主|小姐姐|小哥哥|美女|帅哥|请问|你好|您好|哈喽|哈罗|嗨|早上好|晚上好|下午好|在吗|在不在|在线吗|在线|还在线|有人吗|有人在吗|有人没|有人不|有人回复吗|喂|掌柜好|老板好|店家好|hi+|hello+|hey+|yo|is this (?:the )?customer service|are you (?:available|online|there)|is the (?:shop|store) open(?: now)?|(?:is )?(?:the )?seller (?:online|available)|you there|상담 ?(?:가능한가요|되나요)|질문 있어요|문의 ?(?:좀 )?(?:드려요|드릴게요|할게요)|계신가요|상담원님?|good morning|good evening|good afternoon|anyone there|anybody there|is anyone here|hi there|안녕하세요|계세요|사장님|저기요|여보세요)[\\s,.!?~～、。，…]*)+$"],
    en: [],
    ko: [],
  },
  product_question: {
    zh: [
      "适合", "适不适合", "合适吗", "搭配", "配什么", "怎么搭", "好搭", "百搭", "风格", "场合", "显瘦", "显高", "显老", "显腿", "口袋", "内衬", "帽子可",
      "连帽", "拉链吗", "有拉链", "领口", "[几0]分袖", "长款", "短款", "功能", "区别", "防水", "续航", "电池", "隔层", "蓝牙", "降噪", "能装下", "男女",
      "情侣", "孕妇", "新款", "送男朋友", "送女朋友", "送长辈", "送闺蜜", "当外套", "面试", "约会", "通勤", "能穿吗", "可以穿吗", "多少岁", "几岁", "功率",
      "什么颜色可选", "几个颜色", "几种颜色", "有帽子", "加绒", "里衬", "走光", "花哨", "太素", "气质", "显白", "显黑", "款式", "a字", "阔腿", "直筒",
      "高领", "收腰", "系带", "一脚蹬", "能放下", "自动断电", "断电", "压个子", "压缩", "露背", "后背", "透视", "内袋", "九分", "双排扣", "登机", "反光",
      "夜光", "折叠", "能装多少", "暖和", "适合跑步", "跑步", "运动", "孩子用", "给我爸", "给我妈", "油皮", "干皮", "敏感肌", "混油", "档位", "容量", "护眼",
      "升降", "几口人", "多少克",
    ],
    en: [
      "pocket", "style", "suit", "go with", "goes with", "wear (?:it|this)? ?to", "feature", "waterproof",
      "battery", "difference between", "compartment", "lined", "hood", "unisex", "bluetooth", "noise cancel",
      "wedding", "gift for", "good for", "what colou?rs", "versatile", "match", "adjustable", "come in",
      "model\\b", "dimm", "suitable", "strap", "come with", "does it (?:have|include|come)", "include[sd]?",
      "double.?breasted", "interview", "carry", "fold", "foldable", "case\\b", "work for", "work out", "exercise",
      "hiking", "compatible", "settings", "how many (?:modes|speeds)", "sensitive skin", "dry skin", "oily skin",
      "skin type", "coverage",
    ],
    ko: [
      "어울리", "주머니", "안감", "스타일", "기능", "차이가", "방수", "선물로", "출근룩", "하객룩", "수납", "남녀공용", "임산부", "어울릴", "쓸 수 있나",
      "구성", "차이점", "들어가 있나", "조절", "라인", "세트", "속바지", "들어있어", "쿠션", "운동할 때", "방수 되나", "포함", "몇 인용", "피부도", "피부에",
    ],
  },
  size_fit: {
    zh: [
      "尺码", "尺寸", "码数", "[什哪几]么?码", "哪个码", "多大码", "穿多大", "拿多大", "偏大", "偏小", "偏码", "标准码", "正码", "均码", "身高", "体重",
      "[0-9]+ ?(?:斤|公斤|kg|cm|厘米)", "胸围", "腰围", "臀围", "肩宽", "衣长", "裤长", "袖长", "脚长", "头围", "腿围", "圈口", "手围", "大一码",
      "小一码", "大一号", "小一号", "修身", "宽松", "版型", "紧不紧", "会不会紧", "穿得下", "能穿下", "塞下", "§还是§", "穿§", "拍§", "选§", "拿§",
      "多重", "适合多少斤", "多少斤", "拖地", "到膝盖", "小个子", "会紧", "太紧", "勒", "调到多", "§适合", "码子", "内径", "米的床", "尺寸多少", "多宽",
      "多长", "多高",
    ],
    en: [
      "size chart", "which size", "what size", "size for", "true to size", "run(?:s)? (?:small|large|big)",
      "size up", "size down", "slim fit", "relaxed fit", "measurement", "waist", "chest", "[0-9]+ ?(?:cm|kg|lbs?)",
      "between sizes", "how long is", "fit (?:someone|me)", "too tight", "too long", "one size fits", "§ or §",
      "sleeve", "length of size", "how long are", "wat size", "run (?:tight|loose|small|big|large)",
      "runs? (?:tight|loose)", "medium or (?:a )?large", "small or (?:a )?medium", "chest measurement", "hip",
      "inseam", "length of", "how long is the", "dimensions", "how big is", "[0-9]+ ?x ?[0-9]+", "ring size",
      "finger",
    ],
    ko: [
      "어떤 사이즈", "몇 사이즈", "무슨 사이즈", "사이즈 추천", "사이즈표", "정사이즈", "크게 나오", "작게 나오", "총장", "기장", "허리 ?둘레", "가슴 ?둘레",
      "[0-9]+ ?(?:kg|키로|cm)", "키 ?[0-9]", "오버핏", "슬림핏", "프리사이즈", "소매 길이", "길이가 어떻게", "인치", "반 치수", "사이즈 업", "맞을까요",
      "치수", "[0-9]+인데", "(?:44|55|66|77|88) ?(?:입|사이즈|반)", "발 ?볼", "사이즈가 좋", "추천해주세요", "중에 고민", "호수 어떻게", "반지 호수",
    ],
  },
  color_difference: {
    zh: [
      "色差", "实物", "实拍", "买家秀", "卖家秀", "图片", "照片", "跟图", "和图", "与图", "主图", "模特图", "详情页", "滤镜", "修图", "修过", "p过",
      "调色", "美颜", "真实颜色", "真实的颜色", "返图", "偏(?:黄|白|红|黑|灰|紫|蓝|绿)", "颜色正", "纯黑", "纯白", "色卡", "颜色跟", "颜色和", "颜色比",
      "冷白", "暖白", "偏暗", "上身效果", "素人", "真实", "没p", "p图", "ps过", "很假", "像橘色", "收到像", "颜色真", "发灰", "偏土", "土黄", "发蓝",
      "发紫", "发黄", "发白", "显黑", "鲜艳", "颜色深", "颜色浅", "颜色淡", "颜色亮", "颜色暗", "老气", "正红", "本色",
    ],
    en: [
      "photo", "picture", "pic", "real life", "in person", "color difference", "colour difference", "edited",
      "filter", "true black", "look(?:s)? like the", "actual color", "real color", "unedited", "natural light",
      "more (?:yellow|white|grey|gray|blue|green|pink|red)", "listing", "in the pic", "accurate",
      "same (?:colou?r|in person|as (?:the )?(?:photo|picture|image))", "look(?:s)? (?:the )?same", "in real life",
      "irl", "true to colou?r", "colou?r accura", "shade", "brighter", "darker", "lighter", "unfiltered",
      "real light", "white or (?:more of )?(?:a )?cream", "cream or", "match the sample", "sample shown",
      "shade (?:look|match)", "colou?r match", "same as (?:online|the website|the listing)", "as shown online",
    ],
    ko: [
      "실물", "색감", "색상 차이", "색 차이", "사진", "보정", "후기 사진", "실제 색", "노란 편", "흰 편", "실제로는", "완전 검정", "모니터", "실제 색깔",
      "색깔", "사진처럼", "화면", "보는 거랑", "진한가", "연한가", "색이", "색깔이", "밝은가", "어두운가",
      "(?:화이트|아이보리|베이지|블랙|네이비|그레이)(?:인가요|예요|이에요)",
    ],
  },
  material_quality: {
    zh: [
      "面料", "材质", "材料", "料子", "布料", "成分", "纯棉", "含棉", "棉的", "起球", "毛球", "掉色", "褪色", "缩水", "会缩", "透不透", "透吗",
      "会不会透", "厚不厚", "厚实", "薄吗", "很薄", "弹力", "弹性", "扎人", "扎不扎", "刺挠", "痒", "真皮", "牛皮", "pu", "羊毛", "羊绒", "鸭绒",
      "鹅绒", "充绒", "钻毛", "掉毛", "质量", "做工", "线头", "瑕疵", "手感", "透气", "保暖", "闷", "起皱", "易皱", "垂感", "变形", "勾丝", "甲醛",
      "过敏", "925", "氧化", "镀金", "雪纺", "冰丝", "聚酯", "化纤", "耐穿", "用料", "针脚", "不锈钢", "304", "塑料", "涤纶", "什么皮", "加厚",
      "会皱", "松了", "冷不冷", "热不热", "软吗", "硬吗", "质感", "廉价", "棉麻", "静电", "起毛", "好货", "会不会很臭", "味道", "莫代尔", "天丝", "醋酸",
      "真丝", "桑蚕丝", "亚麻", "麻料", "羊皮", "猪皮", "鹿皮", "麂皮", "灯芯绒", "雪尼尔", "毛呢", "呢子", "羊驼", "马海毛", "腈纶", "锦纶", "尼龙",
      "氨纶", "粘胶", "人棉", "蕾丝", "竹纤维", "填充", "棉花", "硅胶", "陶瓷", "合金", "实木", "板材", "皮质", "头层", "二层", "人造", "仿皮", "扎吗",
      "很扎", "起静电", "勾线", "亲肤", "染色", "发硬", "发黄", "缩水吗", "耐磨", "结实", "牢固", "防风", "保暖性", "透风", "涂层", "弹簧", "海绵",
      "密度板", "ppsu", "网面", "玻璃的", "塑料的", "不锈钢的", "乳胶", "记忆棉", "蚕丝", "什么做的",
    ],
    en: [
      "material", "fabric", "cotton", "pill", "shrink", "fade", "see.?through", "thick", "thin", "quality",
      "leather", "stretch", "itchy", "breathable", "wrinkle", "durable", "wool", "polyester", "sterling",
      "tarnish", "non.?slip", "soft", "scratchy", "warm enough", "fill\\b", "down\\b", "fuzzy", "bleed", "faux",
      "fall apart", "composition", "pure", "modal", "linen", "silk", "nylon", "spandex", "rayon", "viscose",
      "acrylic", "cashmere", "alpaca", "mohair", "suede", "velvet", "corduroy", "denim quality", "lace", "bamboo",
      "synthetic", "fake leather", "genuine leather", "breathab", "itch", "sturdy", "flimsy", "cheap material",
      "thin material", "stretch out", "lose shape", "scratch(?:y|es) the skin", "warm", "heavy", "lightweight",
      "feel cheap", "plastic", "metal", "solid wood", "firm or soft", "lead free", "crack over time", "coating",
      "non.?stick", "made of", "made from",
    ],
    ko: [
      "소재", "재질", "원단", "면 ?100", "보풀", "줄어", "물 ?빠", "비치나", "두께", "품질", "가죽", "신축성", "통기성", "구김", "까슬", "도금",
      "얇나", "얇아", "수축", "늘어나요", "까끌", "덥지", "혼용률", "소가죽", "부드러운", "물빠짐", "면인가", "폴리", "나일론", "울", "캐시미어", "린넨", "실크", "늘어나",
      "두꺼운", "얇은", "따뜻", "부드럽", "까칠", "재질이", "원단이", "소재가", "촉감", "원목", "단단", "갈라",
    ],
  },
  stock: {
    zh: [
      "有货", "现货", "库存", "缺货", "断货", "断码", "补货", "补上", "到货", "无货", "没货", "卖完", "售罄", "还有吗", "还有没", "还有没有", "还有么",
      "有没有§", "有§吗", "§码有", "§还有", "有没有大码", "有没有小码", "下架", "上架", "绝版", "留一件", "只剩", "最后一件", "选不了", "还会有", "还生产",
      "补不补", "调货", "还会补", "才有", "还有别的码", "码数都没", "都没了", "能买到", "卖光", "还能买", "有多少件", "有那么多", "还有几件", "有没有[0-9]+码",
      "还有[^吗?]{0,6}色吗", "还有[^吗?]{0,6}码吗", "有[^吗?]{0,4}色的吗", "大一点的码", "小一点的码", "有大码", "有小码", "能直接拍", "显示还有", "等着",
    ],
    en: [
      "in stock", "out of stock", "available", "restock", "sold out", "back in", "any left", "have it in",
      "do you have (?:it |this )?in", "still have", "left in", "hold one", "how many do you have", "more of these",
      "last one", "any size", "\\bleft\\b", "get more", "is (?:the )?(?:§|small|medium|large)[a-z ]* available",
      "still available", "available in", "do you (?:still )?have (?:the|this|it) ",
      "any (?:xs|§|small|medium|large)", "can i (?:still )?order the", "stock\\b", "discontinued",
      "pre-?order the",
    ],
    ko: [
      "재고", "품절", "재입고", "남아", "남았", "있나요\\?*$", "다시 들어", "다시 나오", "남은",
      "(?:§|[0-9]{2,3}) ?(?:사이즈 )?있(?:나요|어요|을까요)", "구매 가능", "주문 가능한가", "주문 가능해", "품절된", "남아 있", "단종",
    ],
  },
  bargain: {
    zh: [
      "便宜", "少点", "少一点", "少个", "少[0-9]+", "打折", "打个折", "[0-9一二三四五六七八九]折", "优惠点", "优惠一点", "优惠价", "最低", "抹零", "抹个零",
      "零头", "讲价", "议价", "砍价", "砍一刀", "改价", "改个价", "友情价", "实在价", "内部价", "批发价", "团购", "太贵", "贵了", "贵死", "有点贵", "让点",
      "再少", "卖不卖", "行不行", "能少", "一口价", "[0-9]+吧", "[0-9]+行", "预算", "降点", "降价", "再降", "太高", "这么贵", "别家", "别的家",
      "对折", "便宜个",
    ],
    en: [
      "cheaper", "lower (?:the )?price", "lower\\b", "best price", "negotiable", "better deal", "knock off",
      "reduce the price", "too expensive", "price match", "can you do \\$?[0-9]", "for \\$?[0-9]+ dollars",
      "round it down", "how low", "lowest", "special price", "% off", "discount pls", "give me a discount", "discount if",
      "any chance", "room on the price", "deal\\b", "take \\$?[0-9]+", "would you take", "pricey", "better price",
      "accept \\$?[0-9]+", "would you accept", "can you do better", "do better on", "come down", "bit expensive",
      "lower (?:it|the price)", "discount (?:if|for|on)", "bulk", "lower offer", "best offer",
      "make (?:me )?an offer", "beat (?:it|the price|that price)",
    ],
    ko: [
      "깎아", "할인 좀", "할인해", "싸게", "최저가", "네고", "흥정", "가격 ?조정", "비싸", "빼주세요", "맞춰주", "만원에", "할인 안 돼", "주시면 바로",
      "내려주세요", "현금가", "저렴하게", "깎", "빼주",
    ],
  },
  gift_or_free_shipping: {
    zh: [
      "包邮", "运费", "邮费", "免邮", "免运费", "赠品", "赠送", "送个", "送点", "送双", "送啥", "送什么", "送不送", "送的", "小礼物", "礼物", "礼盒",
      "小样", "运费险", "手提袋", "多送", "送一个", "小零食",
    ],
    en: [
      "free shipping", "shipping fee", "shipping cost", "postage", "free gift", "freebie", "gift", "sample",
      "combine shipping", "shipping is too", "shipping free", "ship for free", "cover (?:the )?shipping",
      "shipping to", "something free", "free with", "gift with purchase", "included in the price", "free delivery",
      "for free", "is delivery free", "waive", "little gift", "small gift", "gift with", "extra something",
      "throw in",
    ],
    ko: [
      "무료 ?배송", "배송비", "사은품", "서비스로", "덤으로", "샘플", "작은 선물", "묶음배송", "포장 무료", "서비스 좀", "챙겨주세요", "무료인가요", "도서산간",
      "덤 좀", "넣어주세요", "챙겨",
    ],
  },
  discount_coupon: {
    zh: [
      "优惠券", "券", "满减", "满[0-9]+减", "活动", "会员", "新人", "新客", "折扣码", "积分", "淘金币", "红包", "返现", "半价", "买一送一", "聚划算",
      "双十一", "双11", "双12", "双十二", "618", "大促", "直播间", "88vip", "定金", "膨胀", "到手价", "促销", "有优惠吗", "有没有优惠", "什么优惠",
      "有优惠", "粉丝", "专享", "打折了吗", "已经打折", "会比现在便宜", "会降价", "能便宜多少", "券在哪",
    ],
    en: [
      "coupon", "promo", "voucher", "sale\\b", "on sale", "member", "loyalty", "points", "black friday",
      "buy one get one", "bogo", "half (?:off|price)", "promotion", "discount code",
      "first[- ](?:time )?(?:order|buyer|customer|purchase)", "student discount", "new customer", "sales?\\b",
      "discounted", "spend", "save", "offer", "applied automatically", "newsletter", "welcome (?:coupon|discount)",
      "redeem", "cyber monday", "part of the sale",
    ],
    ko: [
      "쿠폰", "세일", "이벤트", "행사", "적립금", "회원 할인", "첫 구매", "신규 회원", "1\\+1", "할인된 가격", "할인 행사", "할인 쿠폰", "할인 이벤트",
      "회원 등급",
    ],
  },
  payment_safety: {
    zh: [
      "付款", "支付", "付钱", "担保", "货到付款", "花呗", "分期", "信用卡", "微信付", "代付", "转账", "云闪付", "paypal", "先用后付", "扣了两次", "扣款",
      "对公", "余额宝", "亲情卡", "apple pay", "付不了", "付不成功", "付定金", "尾款", "交易异常", "风险交易", "到付吗", "被骗", "到账", "能付吗", "可以付",
      "怎么付", "银行卡", "钱先付", "付给平台", "直接给你们", "先付一半", "付一半", "网银", "白条", "京东白条",
    ],
    en: [
      "\\bpay\\b", "payment", "paypal", "credit card", "visa", "mastercard", "installment", "cash on delivery",
      "charged twice", "bank transfer", "apple pay", "checkout", "buyer protection", "money protected", "debit",
      "fee for paying", "pay for (?:my|me)", "pay in", "safe to (?:buy|pay)", "pay with", "pay by", "accept",
      "paying by", "pay(?:ing)? (?:with|by|via|on|in)", "card safe", "google pay", "klarna", "afterpay", "cod\\b",
      "wire transfer", "safe to pay", "secure payment", "payment (?:method|option)", "amex", "declined",
      "money left my account", "unpaid",
    ],
    ko: [
      "결제", "무통장", "할부", "카드", "페이", "계좌이체", "후불", "입금", "결제 오류", "결제가", "페이팔", "현금 결제", "무이자", "계좌", "결제해도",
      "결제 안전", "간편결제", "토스", "분할 결제", "결제는 됐는데", "결제 거절",
    ],
  },
};
