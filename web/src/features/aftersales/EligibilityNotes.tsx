// "Eligible because…" / "not eligible because…" in the agent's language.
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { formatTime } from "../workbench/format";
import type { Eligibility } from "./aftersales-api";

export function EligibilityNotes({ eligibility }: { eligibility: Eligibility }) {
  const { t, i18n } = useTranslation();
  const lines = eligibility.notes.map((note) =>
    "deadline" in note ? t(`aftersales.notes.${note.code}`, { days: note.days, deadline: formatTime(note.deadline, i18n.language) }) : t(`aftersales.notes.${note.code}`),
  );
  if (eligibility.returnShippingPaidBy) lines.push(t(`aftersales.shippingPaidBy.${eligibility.returnShippingPaidBy}`));
  return (
    <Alert
      data-testid="aftersales-eligibility"
      data-eligible={eligibility.eligible}
      type={eligibility.eligible ? "success" : "warning"}
      showIcon
      title={t(eligibility.eligible ? "aftersales.eligible" : "aftersales.notEligible")}
      description={lines.join("；")}
    />
  );
}
