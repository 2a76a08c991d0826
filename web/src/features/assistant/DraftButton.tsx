// "Draft with AI": only when the server has a model configured (QINDESK_LLM_URL). The
// draft lands in the chat input for the agent to read, edit and send — never sent as is.
import { RobotOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiGet, apiPost } from "../../platform/api";

export function DraftButton({ conversationId, disabled, onDraft }: { conversationId: string; disabled: boolean; onDraft: (text: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const settings = useQuery({
    queryKey: ["assistant-settings"],
    staleTime: Infinity,
    queryFn: ({ signal }) => apiGet<{ llmDrafts: boolean }>("/api/v1/assistant/settings", signal),
  });
  if (!settings.data?.llmDrafts) return null;
  const draft = async () => {
    setBusy(true);
    try {
      const { text } = await apiPost<{ text: string }>("/api/v1/assistant/draft", { conversationId });
      onDraft(text);
    } catch {
      void message.error(t("assistant.draftFailed"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t("assistant.draft")}>
      <Button icon={<RobotOutlined />} aria-label={t("assistant.draft")} data-testid="llm-draft" loading={busy} disabled={disabled} onClick={() => void draft()} />
    </Tooltip>
  );
}
