import { ClockCircleOutlined } from "@ant-design/icons";
import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useNow } from "./use-now";
import { WAITING_COLORS, elapsedSince, formatElapsed, waitingLevel } from "./waiting-timer";

export function WaitingTimer({ since }: { since: string }) {
  const { t } = useTranslation();
  const elapsed = elapsedSince(since, useNow());
  const level = waitingLevel(elapsed);
  return (
    <Tooltip title={t("queue.waitingFor")}>
      <span
        data-level={level}
        style={{ color: WAITING_COLORS[level], fontWeight: level === "normal" ? 400 : 600, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}
      >
        <ClockCircleOutlined /> {formatElapsed(elapsed)}
      </span>
    </Tooltip>
  );
}
