// The credit level as the platform draws it: hearts, diamonds or crowns, rank times.
import { CrownFilled, HeartFilled } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CreditLevel } from "./credit-api";
import { badgeLook, badgeText } from "./level-badge";

export function LevelBadge({ level, size = 20, testId = "credit-badge" }: { level: CreditLevel; size?: number; testId?: string }) {
  const { t } = useTranslation();
  const look = badgeLook(level);
  const label = look.glyph ? t("credit.levelName", { tier: t(`credit.tier.${level.tier}`), rank: level.rank, symbols: badgeText(level) }) : t("credit.noLevel");
  if (!look.glyph) {
    return (
      <Tag data-testid={testId} data-tier="none" data-rank={0}>
        {label}
      </Tag>
    );
  }
  const one = (i: number) =>
    look.glyph === "heart" ? (
      <HeartFilled key={i} />
    ) : look.glyph === "crown" ? (
      <CrownFilled key={i} />
    ) : (
      <span key={i} aria-hidden style={{ fontFamily: "sans-serif" }}>
        ◆
      </span>
    );
  return (
    <span data-testid={testId} data-tier={level.tier} data-rank={level.rank} role="img" aria-label={label} title={label} style={{ color: look.color, fontSize: size, letterSpacing: 2, whiteSpace: "nowrap" }}>
      {Array.from({ length: look.count }, (_, i) => one(i))}
    </span>
  );
}
