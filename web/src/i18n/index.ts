// Interface languages: Simplified Chinese (default), English, Korean. Every string the
// agent reads comes from these JSON files; i18n.test.ts keeps the three in step.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import ko from "./ko.json";
import zhCN from "./zh-CN.json";

export const LANGUAGES = ["zh-CN", "en", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";
const STORAGE_KEY = "qd.lang";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en }, ko: { translation: ko } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false }, // React escapes text itself
    returnNull: false,
  });
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    document.title = i18next.t("app.name");
  };
  apply(i18next.language);
  i18next.on("languageChanged", apply);
  return i18next;
}

export function changeLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18next.changeLanguage(lng);
}
