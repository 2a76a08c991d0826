import { Badge, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useConnectionState } from "../platform/realtime/RealtimeProvider";

export function ConnectionBadge({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const state = useConnectionState();
  const status = state === "open" ? "success" : state === "connecting" || state === "reconnecting" ? "processing" : "error";
  const label = t(`connection.${state}`);
  return (
    <Tooltip title={label}>
      <Badge status={status} text={compact ? undefined : <span style={{ color: "rgba(255,255,255,0.85)" }}>{label}</span>} />
    </Tooltip>
  );
}
