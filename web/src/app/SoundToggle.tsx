import { MutedOutlined, SoundOutlined } from "@ant-design/icons";
import { Button, Switch, Tooltip } from "antd";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { setSoundEnabled, soundEnabled, subscribeSound } from "../platform/notify";

/** New-message beeps on or off; remembered in this browser. */
export function SoundToggle({ withLabel = false }: { withLabel?: boolean }) {
  const { t } = useTranslation();
  const on = useSyncExternalStore(subscribeSound, soundEnabled);
  const label = on ? t("sound.turnOff") : t("sound.turnOn");
  if (withLabel)
    return (
      <span onClick={(e) => e.stopPropagation()} style={{ display: "inline-flex", gap: 8, alignItems: "center" }}>
        <Switch size="small" checked={on} onChange={setSoundEnabled} aria-label={t("sound.label")} />
        {t("sound.label")}
      </span>
    );
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        shape="circle"
        data-testid="sound-toggle"
        aria-label={label}
        aria-pressed={on}
        icon={on ? <SoundOutlined style={{ color: "#fff" }} /> : <MutedOutlined style={{ color: "rgba(255,255,255,0.55)" }} />}
        onClick={() => setSoundEnabled(!on)}
      />
    </Tooltip>
  );
}
