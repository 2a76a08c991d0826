import type { ThemeConfig } from "antd";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f6feb",
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Layout: { headerBg: "#14213d", headerHeight: 56, headerPadding: "0 16px", siderBg: "#ffffff" },
    Menu: { darkItemBg: "#14213d" },
  },
};
