// Auto-replies (自动回复) are shop settings; the defaults are seed 000's own wording.
export function welcomeText(shopName: string, settings: Record<string, unknown>, returning: boolean): string {
  const replies = (settings.autoReplies ?? {}) as { welcome?: string; welcomeBack?: string };
  const template = returning
    ? (replies.welcomeBack ?? "欢迎亲的再次光临{shop}，有什么可以帮您的吗？")
    : (replies.welcome ?? "亲，你好，欢迎光临，我是{shop}的客服，很高兴为你服务！");
  return template.replaceAll("{shop}", shopName);
}
