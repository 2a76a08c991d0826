// The widget's words in the three languages buyers write (zh-CN default, en, ko). Kept as
// plain tables: a translation library would cost more bytes than all the text together.

const zh = {
  launcher: "客服",
  openChat: "打开在线客服",
  title: "在线客服",
  close: "收起",
  placeholder: "请输入您的问题…",
  send: "发送",
  emoji: "表情",
  image: "发送图片",
  pending: "发送中",
  failed: "发送失败",
  typing: "客服正在输入…",
  connecting: "正在连接…",
  offline: "网络已断开，正在重连…",
  rateLimited: "发送太快了，请稍后再试",
  tooLarge: "内容太大，无法发送",
  imageTooLarge: "图片太大（最大 2 MB）",
  imageUnreadable: "无法读取这张图片",
  closedChat: "会话已结束，请重新发送消息",
  genericError: "出了点问题，请稍后再试",
  product: "商品",
  empty: "您好，有什么可以帮您？",
  agent: "客服",
  bot: "智能助手",
} as const;

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  launcher: "Chat",
  openChat: "Open customer service chat",
  title: "Customer service",
  close: "Minimise",
  placeholder: "Type your question…",
  send: "Send",
  emoji: "Emoji",
  image: "Send a picture",
  pending: "Sending",
  failed: "Not sent",
  typing: "The agent is typing…",
  connecting: "Connecting…",
  offline: "Connection lost, reconnecting…",
  rateLimited: "You are sending too fast, please wait a moment",
  tooLarge: "That is too large to send",
  imageTooLarge: "The picture is too large (2 MB at most)",
  imageUnreadable: "This picture could not be read",
  closedChat: "This chat has ended; please send your message again",
  genericError: "Something went wrong, please try again later",
  product: "Product",
  empty: "Hello! How can we help you?",
  agent: "Agent",
  bot: "Assistant",
};

const ko: Messages = {
  launcher: "상담",
  openChat: "고객센터 채팅 열기",
  title: "고객센터",
  close: "접기",
  placeholder: "문의 내용을 입력하세요…",
  send: "보내기",
  emoji: "이모티콘",
  image: "사진 보내기",
  pending: "보내는 중",
  failed: "전송 실패",
  typing: "상담원이 입력 중…",
  connecting: "연결 중…",
  offline: "연결이 끊겼습니다. 다시 연결 중…",
  rateLimited: "너무 빨리 보내고 있습니다. 잠시 후 다시 시도하세요",
  tooLarge: "너무 커서 보낼 수 없습니다",
  imageTooLarge: "사진이 너무 큽니다 (최대 2 MB)",
  imageUnreadable: "이 사진을 읽을 수 없습니다",
  closedChat: "상담이 종료되었습니다. 메시지를 다시 보내 주세요",
  genericError: "문제가 발생했습니다. 잠시 후 다시 시도하세요",
  product: "상품",
  empty: "안녕하세요! 무엇을 도와드릴까요?",
  agent: "상담원",
  bot: "도우미",
};

export const translations: Record<"zh-CN" | "en" | "ko", Messages> = { "zh-CN": zh, en, ko };
export type WidgetLanguage = keyof typeof translations;

/** The first of the buyer's languages the widget speaks; Chinese when none matches. */
export function pickLanguage(preferred: readonly string[]): WidgetLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === "zh") return "zh-CN";
    if (primary === "en") return "en";
    if (primary === "ko") return "ko";
  }
  return "zh-CN";
}

export function messagesFor(language: WidgetLanguage): Messages {
  return translations[language];
}
