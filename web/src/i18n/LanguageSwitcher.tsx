import { GlobalOutlined } from "@ant-design/icons";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { LANGUAGES, changeLanguage, isLanguage } from "./index";

export function LanguageSwitcher({ size = "middle" }: { size?: "small" | "middle" }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      size={size}
      value={i18n.language}
      aria-label={t("common.language")}
      prefix={<GlobalOutlined />}
      style={{ minWidth: 120 }}
      onChange={(value: string) => isLanguage(value) && changeLanguage(value)}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}
