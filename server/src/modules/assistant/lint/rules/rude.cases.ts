// Hand-made cases for rude: positives name the offending text, negatives are polite.
import type { Positive } from "./test-tables";

export const RUDE_POSITIVE: Positive[] = [
  ["爱买不买", "爱买不买"],
  ["滚", "滚"],
  ["你有病吧", "你有病吧"],
  ["烦不烦", "烦不烦"],
  ["嫌贵就别买", "嫌贵就别买"],
  ["不买拉倒", "不买拉倒"],
  ["你脑子进水了吧，这么便宜还砍", "你脑子进水了吧"],
  ["呵呵，随便你", ["呵呵", "随便你"]],
  ["关我什么事，找快递去", ["关我什么事", "找快递去"]],
  ["这个价格不能少了，爱要不要", "爱要不要"],
  ["你眼瞎吗", "你眼瞎吗"],
  ["神经病", "神经病"],
  ["🎉🎉你有病吧", "你有病吧"],
  ["Shut up and buy it or leave.", "Shut up"],
  ["Whatever.", "Whatever"],
  ["꺼져", "꺼져"],
];

export const RUDE_NEGATIVE: string[] = [
  "亲，滚筒洗衣机可以洗的，建议放洗衣袋",
  "这件衣服的领口有滚边设计",
  "亲，烦请您确认一下地址",
  "麻烦您了，给您添麻烦了",
  "亲，切记不要用热水洗",
  "亲，您可以随便看看哦，有喜欢的随时叫我",
  "这款去死皮效果很好",
  "这是给妈妈的礼物吗？我们可以帮您写贺卡",
  "笑呵呵的小熊图案很可爱",
  "这家快递很靠谱的",
  "不麻烦的亲",
  "Whatever you need, just let me know.",
];
