// Mood words for buyer messages in Chinese, English and Korean. A hit is a
// feature for the sentiment classifier (which learns how much each cue counts
// next to the message's own words), and on its own is the rule-based baseline.
// Patterns run on normalizeText() output (lower-case, half-width).

const NEGATIVE = [
  // Chinese: anger, disappointment, problems with the purchase, impatience.
  "差评|垃圾|投诉|骗|坑|失望|生气|气死|恶心|烂|糟糕|无语|服了|郁闷|难受|烦死|烦人|崩溃|醉了|离谱|过分|不满意|不高兴|太差|很差|真差|差劲|太慢|慢死|太贵|贵死|坏了|坏的|破了|破洞|发错|少发|漏发|丢了|不动|没动|不更新|没收到|脏|臭|霉|碎了|裂|怎么还|还没|到底|怎么回事|什么情况|什么态度|又[发骗错少]|唉|哎|不喜欢|不要了|骗子|敷衍|搞什么|凭什么|太丑|难看|一直没|好几天|管不管" +
    "|差太多|差好多|差太远|完全两个|完全不一样|那么不一样|太大了吧|好土|好暗|暗好多|太高了|怎么这么贵|失败|不成功|扣了两次|拒绝|没用上|用不了|用不上|没减|现在没了|不包邮啊|异常|退了吧|破损|一长一短|开线|有个洞|小洞|有问题|掉扣子|假货|是假的|假的吧|叫来|主管|一件都没|靠谱点|这样对待|这么做生意|有什么用|不想再|还不发|一拉就坏|不爽|太坑|坑人|恶劣|太差|很慢|太久|退回|没人",
  "[😭😡😤😠💢😢😞😩🙄👎]|\\?{2,}|？{2,}|!{3,}",
  // English.
  "terrible|worst|awful|angry|disappoint|broken|damaged|wrong|missing|stuck|lost|ridiculous|scam|unacceptable|still not|hasn'?t|hasnt|didn'?t arrive|too expensive|bad review|rude|defective|never buying|annoy|upset|frustrat|useless|horrible" +
    "|way off|darker|waiting|wasn'?t applied|wasnt applied|invalid|failed|charged twice|rejected|doesn'?t fit|doesnt fit|fake|different product|only (?:got|one)|\\bbad\\b|nobody|ignor|unprofessional|nothing like|no one",
  // Korean.
  "ㅠ|ㅜ|ㅡㅡ|짜증|최악|실망|화나|화가|불량|엉망|늦어|불친절|사기|신고|비싸|파손|고장|분실|못 받|안 와|안 됐|기분 나쁘|너무 달라|어두워|완전 달라|왜 아직|오류|거절|기다린|안 맞아|무시|찢어|깨져|가짜",
];

const POSITIVE = [
  "谢谢|感谢|多谢|谢啦|好评|喜欢|满意|点赞|棒|赞|不错|好看|漂亮|舒服|合身|开心|辛苦|么么哒|爱了|太好了|五星|完美|给力|超值|惊喜|晚安|祝你|生意兴隆|好喜欢|太喜欢|真好|挺好|很好|还来|回购|耐心",
  "[😊😄😁😍🥰❤💕👍🌹✨😘🙏]",
  "thank|thx|love|great|perfect|awesome|happy|amazing|you'?re the best|nice day|excellent|5 stars",
  "감사|고마|좋아|좋네|예뻐|(?:마음|맘)에 (?:들|드|쏙)|최고|만족|좋은 하루|수고|친절하|반가워|기대돼",
];

// "不错" (not bad) and "没问题" (no problem) are praise, not complaints. Korean puts the
// negation inside the phrase: 마음에 안 들어요 (I don't like it).
const NEGATED_POSITIVE = /(?:不|没|別|别|not |don'?t |doesn'?t |안 )(?:喜欢|满意|好看|舒服|合身|like|love|happy)|(?:마음|맘)에 안 들/u;

const NEGATIVE_RE = new RegExp(NEGATIVE.join("|"), "u");
const POSITIVE_RE = new RegExp(POSITIVE.join("|"), "u");
const INTENSIFIER_RE = /太|非常|特别|超级|真的|极其|十分|so |very |really |extremely |너무|진짜|정말|!{2,}/u;

export interface MoodCues {
  negative: boolean;
  positive: boolean;
  negatedPositive: boolean;
  intensified: boolean;
}

export function moodCues(normalized: string): MoodCues {
  const negatedPositive = NEGATED_POSITIVE.test(normalized);
  return {
    negative: NEGATIVE_RE.test(normalized) || negatedPositive,
    positive: POSITIVE_RE.test(normalized.replace(NEGATED_POSITIVE, "")),
    negatedPositive,
    intensified: INTENSIFIER_RE.test(normalized),
  };
}

/** Feature strings for the sentiment classifier. */
export function moodFeatures(normalized: string): string[] {
  const cues = moodCues(normalized);
  const out: string[] = [];
  if (cues.negative) out.push("mood:neg", "mood2:neg");
  if (cues.positive) out.push("mood:pos", "mood2:pos");
  if (cues.negatedPositive) out.push("mood:notpos");
  if (cues.intensified && cues.negative) out.push("mood:neg+");
  if (cues.intensified && cues.positive) out.push("mood:pos+");
  if (!cues.negative && !cues.positive) out.push("mood:none");
  return out;
}
