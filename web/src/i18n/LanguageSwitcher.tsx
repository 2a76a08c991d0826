import { GlobalOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Select } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch } from "../platform/api";
import { ME_KEY, useOptionalSession } from "../platform/session";
import type { Agent, Me } from "../platform/types";
import { LANGUAGES, changeLanguage, isLanguage, type Language } from "./index";

/**
 * Signed in, the choice is also saved on the server so it follows the agent to any
 * device; on the sign-in page it only applies to this browser.
 */
export function LanguageSwitcher({ size = "middle" }: { size?: "small" | "middle" }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useOptionalSession();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Language) => apiPatch<{ agent: Agent }>("/api/v1/me/preferences", { locale }),
    onSuccess: ({ agent }) => queryClient.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, agent: { ...old.agent, ...agent } } : old)),
    onError: () => void message.error(t("common.languageSaveFailed")),
  });
  return (
    <Select
      size={size}
      value={i18n.language}
      aria-label={t("common.language")}
      data-testid="language-switcher"
      prefix={<GlobalOutlined />}
      style={{ minWidth: 120 }}
      onChange={(value: string) => {
        if (!isLanguage(value)) return;
        changeLanguage(value);
        if (me) save.mutate(value);
      }}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}
