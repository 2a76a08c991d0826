// Above the chat, after three buyer messages: what kind of buyer this is (seed 001 §4) and
// how the seed says to serve them. Collapsed to one line; the approach is a click away.
import { UserSwitchOutlined } from "@ant-design/icons";
import { Flex, Popover, Tag, Typography, theme } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { buyerTypeHint, type BuyerLine } from "../../../../server/src/modules/assistant/buyer-type";
import type { Analysis } from "./analysis-api";

export function BuyerTypeHint({ messages, analyses }: { messages: readonly { key: string; text: string }[]; analyses: ReadonlyMap<string, Analysis> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const hint = useMemo(() => {
    const lines: BuyerLine[] = messages.map((m) => ({ text: m.text, intent: analyses.get(m.key)?.intent ?? null }));
    return buyerTypeHint(lines);
  }, [messages, analyses]);
  if (!hint) return null;
  const axes = [
    ["knowledge", hint.knowledge],
    ["price", hint.price],
    ["demand", hint.demand],
  ] as const;
  const approach = (
    <Flex vertical gap={8} style={{ maxWidth: 360 }}>
      {axes.map(([axis, value]) => (
        <div key={axis}>
          <Typography.Text strong>{t(`buyerType.${axis}.${value}`)}</Typography.Text>
          <div style={{ fontSize: 13 }}>{t(`buyerType.approach.${value}`)}</div>
        </div>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("buyerType.basedOn", { count: hint.basedOn })}
      </Typography.Text>
    </Flex>
  );
  return (
    <Popover content={approach} title={t("buyerType.title")} trigger="click" placement="bottomLeft">
      <Flex
        data-testid="buyer-type"
        data-knowledge={hint.knowledge}
        data-price={hint.price}
        data-demand={hint.demand}
        align="center"
        gap={6}
        wrap
        role="button"
        tabIndex={0}
        style={{ padding: "4px 16px", cursor: "pointer", background: token.colorInfoBg, borderBottom: `1px solid ${token.colorInfoBorder}`, fontSize: 12 }}
      >
        <UserSwitchOutlined style={{ color: token.colorInfo }} />
        <Typography.Text style={{ fontSize: 12 }}>{t("buyerType.title")}</Typography.Text>
        {axes.map(([axis, value]) => (
          <Tag key={axis} color="blue" style={{ marginInlineEnd: 0 }}>
            {t(`buyerType.${axis}.${value}`)}
          </Tag>
        ))}
        <Typography.Link style={{ fontSize: 12 }}>{t("buyerType.howTo")}</Typography.Link>
      </Flex>
    </Popover>
  );
}
