import type { Locale } from "antd/es/locale";
import enUS from "antd/es/locale/en_US";
import koKR from "antd/es/locale/ko_KR";
import zhCN from "antd/es/locale/zh_CN";
import type { Language } from "./index";

export const ANTD_LOCALES: Record<Language, Locale> = { "zh-CN": zhCN, en: enUS, ko: koKR };
