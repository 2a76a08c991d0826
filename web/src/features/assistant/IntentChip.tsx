// The small label under a buyer's message: what they want (one of the 22 intents) and,
// when they are upset, a red mark so the agent answers with care (seed 001 §7).
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { needsCare, type Analysis } from "./analysis-api";

export function IntentChip({ analysis }: { analysis: Analysis | undefined }) {
  const { t } = useTranslation();
  if (!analysis) return null;
  const care = needsCare(analysis);
  return (
    <Tooltip title={t("assistant.confidence", { value: Math.round(analysis.confidence * 100) })}>
      <Tag
        data-testid="intent-chip"
        data-intent={analysis.intent}
        data-sentiment={analysis.sentiment}
        color={care ? "red" : analysis.sentiment === "positive" ? "green" : "default"}
        style={{ marginTop: 2, marginInlineEnd: 0, fontSize: 11, lineHeight: "18px" }}
      >
        {t(`assistant.intent.${analysis.intent}`)}
        {analysis.sentiment === "negative" ? ` · ${t("assistant.sentiment.negative")}` : ""}
      </Tag>
    </Tooltip>
  );
}
