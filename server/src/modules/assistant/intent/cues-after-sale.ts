// Cue words of messages about a placed order, delivery and after-sales, plus
// "other" for thanks, goodbyes and chit-chat (see lexicon.ts).
import type { Intent } from "./labels";
import type { Cues } from "./lexicon";

export const ORDER_AND_AFTER_SALE_CUES: Record<Extract<Intent, "shipping_time" | "courier_choice" | "order_status" | "logistics_stuck" | "address_change" | "wrong_item" | "damaged_defective" | "return_exchange_refund" | "complaint" | "usage_care" | "authenticity" | "other">, Cues> = {
  shipping_time: {
    zh: [
      "什么时候发", "[几0]天发", "多久发", "多久能发", "几号发", "几号能发", "几天到", "几天能到", "多久到", "多久能到", "要多久", "能到吗", "[0-9]+号之前",
      "之前能到", "前能到", "当天发", "今天发", "今天能发", "明天发", "明天能发", "今天能不能发", "发货时间", "发货速度", "发货慢", "加急", "送达", "到手", "年前",
      "能收到吗", "几天能收到", "多久可以发货", "发出去吗", "发货要等", "早点发", "快点发", "寄出吗", "寄到我这", "延迟发货", "发出", "速度", "多快", "几天能寄",
      "什么时候能到", "几号能到", "几天可以到", "多久发出", "明天就寄", "明天寄", "寄出", "哪天能发", "哪天发", "来得及", "多少天", "周末之前", "之前能收到",
      "来不来得及",
    ],
    en: [
      "when will (?:you|it) (?:ship|arrive)", "how long", "arrive", "delivery time", "delivery date",
      "by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|next)", "processing time",
      "same day", "how soon", "ship today", "when will i get", "how fast", "ship on weekends", "sent out",
      "get here", "when do (?:you|u) ship", "when will it be", "how many days", "expect (?:delivery|it)",
      "within (?:a|one|two|[0-9]+) (?:week|day)", "ship (?:it )?(?:tomorrow|today|soon)", "dispatch", "reach",
      "take to (?:arrive|get)", "delivery (?:time|date|estimate)", "lead time", "eta\\b", "express delivery",
      "pre-?order ship", "before the weekend", "business days", "delivery estimate", "in time for",
      "when (?:will|do|can|does|would) (?:you|it|this|they|my order|the order|the item)? ?(?:ship|arrive|be (?:sent|shipped|delivered|dispatched))",
    ],
    ko: [
      "배송 언제", "언제 오나요", "언제 돼요",
      "언제 발송", "언제 출고", "며칠", "언제 받", "언제쯤", "도착", "출고까지", "당일 발송", "얼마나 걸려", "바로 발송", "오늘 출고", "배송 기간", "언제 보내",
      "언제 와", "받을 수 있", "며칠 안에", "며칠 걸려", "안에 받을", "출고돼", "발송되나요", "받기까지", "주말 전에", "영업일", "예약 주문",
    ],
  },
  courier_choice: {
    zh: [
      "顺丰", "中通", "圆通", "韵达", "申通", "邮政", "ems", "京东快递", "发京东", "德邦", "极兔", "百世", "闪送", "什么快递", "哪家快递", "京东物流", "换成(?:顺丰|京东|邮政|中通|圆通|韵达|申通|极兔|ems)", "哪个快递",
      "指定快递", "换快递", "换个快递", "快递公司", "物流公司", "快递是哪", "快递可以选", "快递能选", "选快递", "自提", "菜鸟驿站", "空运", "dhl", "fedex",
      "走物流", "三通一达", "哪些快递", "什么物流", "顺丰到付", "换个别的", "不要极兔", "发邮政", "不发邮政", "物流还是快递", "冷链", "送货上门", "大件",
    ],
    en: [
      "courier", "dhl", "fedex", "\\bups\\b", "\\bems\\b", "sf express", "china post", "carrier",
      "shipping company", "delivery company", "pick it up myself", "pickup locker", "by sea", "by air", "\\bsf\\b",
      "yunda", "usps", "express shipping", "via\\b", "ship with", "royal mail", "air freight", "courier that",
    ],
    ko: [
      "택배사", "cj", "대한통운", "우체국", "로젠", "한진", "편의점 택배", "택배 회사", "어느 택배", "퀵으로", "직접 가서", "롯데택배", "다른 데로", "택배로",
      "택배 어디", "반값택배", "편의점",
    ],
  },
  order_status: {
    zh: [
      "发了没", "发了吗", "发货了吗", "发货没", "发了没有", "发出去了吗", "寄出了吗", "订单", "单号", "单子", "快递到哪", "到哪了", "到哪里了", "物流到哪",
      "查下物流", "查一下物流", "看下物流", "物流信息在哪", "揽收了吗", "揽件了吗", "出库了吗", "打包了吗", "待发货", "还没发货", "还不发", "没发货", "催一下", "帮我催",
      "发没发", "哪一步", "进度", "仓库处理中", "怎么样了", "什么时候发的", "付款成功了吗", "你们收到了吗", "显示已取消", "被取消", "发出了吗", "发货没有", "审核中",
      "已揽件",
    ],
    en: [
      "my order", "tracking number", "has (?:it|my order|my package) (?:shipped|been)", "order status",
      "where is my", "where'?s my", "dispatched", "update on my order", "did (?:you|u) ship", "went out",
      "receive my payment", "picked up my", "still shows pending", "order #", "picked up", "payment go through",
      "went through", "on its way", "status", "my stuff", "news about my order", "has my order",
      "my order (?:been|go|went)", "order go through", "where my order", "check (?:my|where) (?:order|package)",
      "still no (?:shipping )?update", "look up (?:my )?order", "order [0-9]+", "left (?:your|the) warehouse",
      "payment was received", "packed yet", "processing",
    ],
    ko: [
      "주문", "송장", "발송됐", "발송 여부", "출고 됐", "입금 확인", "어디쯤", "배송 조회 어디", "어디 있어요", "준비중", "결제 완료됐는지", "취소로 나와",
      "주문 상태", "배송 상태", "포장 들어", "결제 확인", "주문 접수",
    ],
  },
  logistics_stuck: {
    zh: [
      "不动", "没动", "不更新", "没更新", "没变", "停在", "卡在", "卡住", "卡了", "丢了", "寄丢", "送丢", "签收", "没收到", "没拿到", "退回", "异常件",
      "问题件", "滞留", "派送失败", "查不到", "海关", "被扣", "绕到", "送错地方", "不送货", "不派送", "没人联系", "一直在途", "在路上", "运输中", "派送中",
      "驿站说", "没有这个件", "只有揽收", "没揽收", "一直没消息", "不通知", "联系不上", "还没到", "好几天", "冒领", "丢件", "没有动静", "同一个地方", "弄丢",
      "没派送", "卡在发货地", "三天没派送",
    ],
    en: [
      "stuck", "not moving", "no movement", "hasn'?t (?:been )?updated", "hasnt (?:been )?updated", "lost",
      "delivered but", "says delivered", "marked it delivered", "signed for", "returned to sender", "customs",
      "exception", "frozen", "wrong address", "wrong city", "delivery failed", "doesn'?t work", "nothing came",
      "no info", "shows nothing", "sitting", "forever", "hasn'?t moved", "hasnt moved", "never got",
      "never received", "tracking not", "sent back", "stuck at", "same place", "nothing here", "isn'?t here",
      "not here", "address not found", "attempted", "never received the parcel", "held at", "depot",
      "in transit for",
    ],
    ko: [
      "안 움직", "멈춰", "분실", "배송 ?완료", "조회가 안", "반송", "세관", "그대로", "업데이트가 안", "엉뚱한", "경비실", "다른 사람이 받", "멈췄",
      "배송 중이에요", "일주일째", "며칠째", "안 바뀌", "안 와요", "못 받았대요", "배송 시도", "아무도 안 왔", "불명",
    ],
  },
  address_change: {
    zh: [
      "地址", "收件人", "收货人", "收件名字", "电话号码", "手机号", "门牌号", "单元号", "改寄", "寄到我", "寄到学校", "寄到另外", "小区名", "区选错", "收货城市",
      "换一下收件人", "收件人换", "收货人换", "自提点", "订单上改", "换手机号", "收件电话",
    ],
    en: [
      "address", "recipient", "zip code", "postal code", "apartment number", "unit number", "phone number",
      "street name", "send it to my", "deliver to my", "name on the package", "delivery city", "name on the order",
      "change the name", "different address", "wrong street", "postcode", "contact number", "new apartment",
      "parents'? (?:address|place|house)", "state on my address", "ship(?:ped)? to my",
    ],
    ko: [
      "주소", "배송지", "받는 ?사람", "받는 분", "연락처", "우편번호", "동호수", "전화번호", "상세주소", "주소를", "동 호수", "연락처 바꿔", "댁으로",
    ],
  },
  wrong_item: {
    zh: [
      "发错", "错发", "发成", "不是我买的", "不是我订的", "不是我要的", "不是我拍的", "不是我选的", "少发", "漏发", "少寄", "少了", "缺了", "只收到", "只来了",
      "只有一", "颜色不对", "尺码不对", "码不对", "款式不对", "型号不对", "数量不对", "图案.*不一样", "空盒", "我买的.*(?:发来|寄来|收到)", "我拍的.*(?:收到|发来)",
      "我要的是", "赠品没", "送的赠品没", "(?:送|赠)的[^，,。 ]{0,4}(?:没有|没收到|没发|没看到)", "没有充电器", "和订单不一样", "跟订单不一样", "一只[0-9]+一只", "别人的东西", "东西不全", "不全", "不符", "订单写的",
      "没有裤子", "少东西", "标是", "没发", "跟我选的不一样", "结果来的", "结果发", "尺码不一样", "码数不对", "两只尺码", "只有两个", "只有一个", "颜色发错",
      "对的 但是", "是件", "色号不对", "发来的是小号", "少了一盒",
    ],
    en: [
      "wrong (?:item|size|color|colour|model)", "missing", "not what i ordered", "instead of", "someone else",
      "only got", "weren'?t included", "forgot the", "empty", "two left", "got (?:an? )?(?:xl|§|white|black)",
      "doesn'?t match my order", "and got", "got women", "got men", "instead", "half of my order",
      "received (?:only|half)", "only received", "not (?:the )?(?:one|item) i (?:ordered|bought)",
      "sent me (?:a|the) wrong", "different (?:item|product|colou?r|size)", "only had the", "no bottom",
      "wrong quantity", "another left", "different brand", "but i ordered",
      "i ordered .{1,30}(?:got|received|came)", "(?:got|received|came) .{1,30}instead",
      "sent me (?:a |the )?(?:size )?§",
    ],
    ko: [
      "다른 상품", "잘못 왔", "다르게 왔", "빠져", "안 왔", "한 개만", "주문한 거랑", "비어", "안 들어", "다른 모델", "아니에요", "부족하게", "빠졌", "엉뚱한",
      "다른 게 왔", "부족해", "구성품", "다른 색깔이 왔", "색깔이 왔", "다른 브랜드", "수량이 잘못", "호수가 달라",
    ],
  },
  damaged_defective: {
    zh: [
      "坏了", "坏的", "是坏", "破了", "破洞", "有洞", "个洞", "小洞", "口子", "开线", "脱线", "开胶", "脱胶", "污渍", "脏", "黄斑", "油渍", "油印",
      "胶印", "霉", "碎", "裂", "划痕", "刮花", "不能用", "打不开", "开不了机", "没反应", "充不进", "充不上", "没声音", "漏水", "异味", "很臭", "刺鼻",
      "断了", "掉了", "歪", "质量有问题", "不亮", "不保温", "掉漆", "缝线", "拉不上", "拉不动", "用不了", "压扁", "变形了", "掉色太严重", "染了", "扣子少",
      "线头很多", "做工太差", "破的", "坏掉", "破口", "污点", "色斑", "坏点", "起球严重", "不出雾", "不工作", "不出水", "裂开", "鞋底裂", "碎的", "失灵",
      "卡住了", "怪味", "过期", "杂音", "裂缝", "装不上", "有股味",
    ],
    en: [
      "broken", "damaged", "hole", "stain", "defective", "doesn'?t (?:turn|work)", "won'?t (?:turn|charge)",
      "cracked", "torn", "tear in", "scratch", "smell", "mold", "peeling", "dirty", "fell off", "stopped working",
      "shattered", "crushed", "coming apart", "bent", "leak", "loose", "stitching", "came broken",
      "arrived damaged", "handle is broken", "smashed", "ripped", "broke", "dent", "faulty", "malfunction",
      "doesn'?t work", "does not work", "not working", "dead on arrival", "won'?t (?:turn on|charge|work)",
      "battery dies", "dies after", "won'?t close", "doesn'?t close", "chipped", "rip in", "dead pixel", "rancid",
      "expired",
    ],
    ko: [
      "불량", "찢어", "고장", "얼룩", "깨져", "안 켜", "터졌", "냄새", "구멍", "파손", "작동이 안", "오염", "스크래치", "떨어져", "뜯어", "충전이 안",
      "흠집", "안 올라가", "풀렸", "찌그러", "깨졌", "불량품", "안 닫혀", "닳아", "벗겨",
    ],
  },
  return_exchange_refund: {
    zh: [
      "退货", "退款", "退钱", "换货", "退换", "换个", "换成", "换大", "换小", "换一下", "换§", "能退", "退吗", "可以退", "能不能退", "无理由", "寄回",
      "取消订单", "能取消", "帮我取消", "取消一下", "取消吧", "取消掉", "售后", "退差价", "仅退款", "退了", "我要退", "想退", "退一件", "换别的", "怎么换", "退货地址", "运费险能赔", "换一件", "想换",
      "肿么换", "换颜色", "退回的邮费", "申请退", "换尺码", "买错了", "能换吗",
    ],
    en: [
      "return", "refund", "exchange", "swap", "money back", "cancel my order", "cancel the order", "send it back",
      "sen[dt] (?:it|this|them) back", "post (?:it|this) back", "get my money", "changed my mind", "cancel", "return label", "store credit",
      "original packaging",
    ],
    ko: [
      "반품", "교환", "환불", "취소", "단순 변심", "환불이", "반품 택배", "취소 가능", "반품 신청", "마음이 바뀌", "반품 기간", "포장 있어야",
    ],
  },
  complaint: {
    zh: [
      "投诉", "态度", "差评", "骗子", "骗人", "垃圾", "破店", "不回", "没人理", "没人回", "敷衍", "自动回复", "复制粘贴", "失望", "气死", "恶心", "服了",
      "坑", "12315", "曝光", "小二介入", "介入", "不满意", "过分", "再也不", "最差", "太差", "差劲", "不专业", "踢皮球", "推来推去", "寒心", "什么玩意",
      "玩我", "生气", "说话太", "难听", "怼", "效率", "登天", "不接受", "处理问题", "一直让我等", "破服务", "不爽", "听不懂", "下班了", "找人工", "人工",
      "有什么用", "又骗", "没人管", "客气点", "太慢了", "口气", "欺骗", "诚信", "不满", "一点用都没有", "每次都这样", "还开什么店", "到底管不管",
    ],
    en: [
      "complain", "terrible", "worst", "scam", "rude", "ridiculous", "disappoint", "unacceptable", "awful",
      "ignor", "bad review", "report you", "never buying", "attitude", "angry", "joke of", "automated repl",
      "avoid", "unprofessional", "manager", "upset", "nobody is answering", "nobody answers",
      "don'?t tell me sorry", "explained this", "really bad", "unhappy", "so bad", "report this", "fed up",
      "excuses", "very bad service", "bad service", "poor service", "no one responds", "nobody responds",
      "furious", "pissed", "waste of (?:my )?time", "shame", "disgrace", "never shopping", "treat your customers",
      "frustrating", "answer me", "cheated", "promised", "third time", "keep asking",
    ],
    ko: [
      "불친절", "최악", "사기", "신고", "짜증", "실망", "화나", "연락이 안", "답변이 늦", "리뷰에 다", "태도", "별로네", "몇 번을", "자동응답", "이런 식으로",
      "엉망", "늦어요", "무시", "이용 안", "형편없", "세 번째", "속은", "답 좀 주세요",
    ],
  },
  usage_care: {
    zh: [
      "怎么洗", "如何洗", "洗涤", "机洗", "手洗", "干洗", "水洗", "洗衣机", "烘干", "熨", "挂烫", "晾", "能晒", "收纳", "怎么保存", "保养", "打理",
      "清洗", "清理", "怎么用", "使用方法", "用法", "怎么安装", "安装", "组装", "怎么装", "说明书", "怎么充电", "怎么穿", "怎么系", "怎么戴", "怎么围", "漂白",
      "微波炉", "洗碗机", "烤箱", "开锅", "怎么调", "怎么开机", "配对", "怎么拆", "拆洗", "泡盐水", "怎么刷", "怎么去除", "怎么恢复", "怎么换", "84",
      "先洗再穿", "弄平", "不会装", "怎么弄", "多久换一次", "洗衣袋", "甩干", "樟脑", "不发黄", "前后", "能不能挂", "挂起来", "热水泡", "冷水", "钢丝球",
      "怎么护理", "护理", "怎么放", "放冰箱", "能水洗", "能泡", "怎么去", "去污", "去渍", "除味", "怎么叠", "防潮", "防虫", "能用吗 ?洗", "先用还是后用",
      "多久换", "早上用", "晚上用", "用还是", "什么时候用", "用多少", "怎么涂", "怎么抹", "用量",
    ],
    en: [
      "wash", "dry clean", "iron", "dryer", "tumble", "how (?:should|do) i store", "take care", "care for",
      "clean (?:it|this|leather)", "how do i use", "how to use", "install", "assemble", "manual", "bleach",
      "dishwasher", "microwave", "set it up", "wrinkles out", "tie the", "how does (?:this|it) work", "charge it",
      "machine wash", "best way to (?:store|clean|wash)", "care instructions",
      "how (?:do|should|can) i (?:wash|clean|store|iron|dry|use|care)",
      "can (?:i|it|this) be (?:washed|ironed|dried|machine)", "hang (?:it|dry)", "steam", "soak", "hot water",
      "cold water", "scrub", "instructions", "safe in the oven", "oven safe", "with retinol", "apply this",
      "how to apply", "descale", "season the pan", "set up the app", "how (?:much|often) (?:should|do) i use",
      "when (?:should|do) i (?:use|apply)", "how often",
    ],
    ko: [
      "세탁", "빨래", "드라이클리닝", "다림질", "건조기", "보관", "관리", "사용법", "사용하는", "설치", "조립", "식기세척기", "전자레인지", "충전 얼마", "다리미",
      "사용 방법", "써도 돼요", "발라", "바르", "손빨래", "세탁 방법", "세탁기에", "돌려도", "어떻게 세탁", "어떻게 빨", "건조", "삶아도", "물에 담", "보관 방법", "오븐에",
      "앱 연결", "필터 청소",
    ],
  },
  authenticity: {
    zh: [
      "正品", "假货", "假的", "真货", "真的吗", "保真", "高仿", "仿品", "仿的", "山寨", "a货", "原单", "专柜", "授权", "旗舰店", "代购", "货源",
      "进的货", "工厂", "厂家", "直邮", "进口", "国产", "原厂", "假一赔", "防伪", "真伪", "鉴定", "验货", "吊牌", "尾货", "尾单", "撤柜", "原产地",
      "官方", "品牌的吗", "一手货", "国行", "海外版", "小票", "代理商", "二手", "国外带回", "真假", "官网", "logo", "正规渠道", "直营", "品牌货", "进货",
      "进的", "凭证", "真品", "正品吗", "是真的", "专柜同款",
    ],
    en: [
      "authentic", "genuine", "original", "fake", "replica", "knockoff", "counterfeit", "authori[sz]ed", "official",
      "source your", "imported", "certificate", "real or", "serial number", "refurbished", "international version",
      "is it real", "where does (?:this|it) come from", "brand store", "copy\\b", "is (?:it|this) real",
      "real brand", "proof", "authorized dealer", "dealer", "licen[cs]ed", "legit", "lookalike", "high copy", "gr[ae]y import",
      "invoices? proving", "get your stock", "distributor", "dupe", "verif",
    ],
    ko: [
      "정품", "가품", "가짜", "진품", "병행수입", "공식", "직구", "들여온", "백화점", "수입한", "브랜드 제품", "택 붙어", "진짜", "보증서", "시리얼",
      "정식 수입", "정식", "짝퉁", "이미테이션", "레플",
    ],
  },
  other: {
    zh: [
      "谢谢", "感谢", "谢啦", "多谢", "拜拜", "再见", "^88$", "^好的", "^好滴", "^嗯", "^哦", "^行", "^ok", "收到了", "知道了", "知道啦", "明白",
      "好评", "点赞", "辛苦", "发票", "微信", "机器人", "真人", "下班", "上班", "实体店", "代理", "代发", "考虑", "再看看", "再想想", "收藏", "问问我",
      "晚安", "么么哒", "哈哈", "合作", "联系你们", "电话", "老板是谁", "公司", "^收到$", "^好吧", "^\\?+$", "\\[图片\\]", "\\[表情\\]", "生意兴隆",
      "晚点再拍", "好友", "线下店", "问下我", "稍等", "下次还来", "回购", "还会再来", "先去忙", "就这些", "值班", "周末有人", "营业时间", "几点下班", "几点上班",
    ],
    en: [
      "thank", "thx", "\\bbye\\b", "^ok", "okay", "got it", "invoice", "receipt", "\\bbot\\b", "think about it",
      "never ?mind", "nvm", "love it", "have a nice", "working hours", "physical store", "wholesale", "5 stars",
      "you'?re the best", "lol", "come back later", "check with my", "happy with", "see you", "alright",
      "buy again", "partnership", "store in", "based\\b", "that'?s all", "bye", "goodbye", "have a (?:good|nice)",
      "talk later", "i'?ll think", "cheers", "much appreciated", "no worries", "wechat", "whatsapp",
      "what time do you close",
    ],
    ko: [
      "감사", "고마워", "수고", "알겠", "영수증", "로봇", "생각해볼", "좋은 하루", "안녕히", "ㅋㅋ", "^네$", "오프라인 매장", "다음에", "맘에 들", "또 살게",
      "확인했어요", "매장", "몇 시까지", "올게요",
    ],
  },
};
