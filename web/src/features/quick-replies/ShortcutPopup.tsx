import { Empty, Tag, Typography, theme } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FaqEntry } from "../knowledge/faq-api";
import type { QuickReply } from "./quick-replies-api";
import type { ComposerPick } from "./shortcuts";

export type SlashPick = ComposerPick<QuickReply, FaqEntry>;

interface Props {
  matches: readonly SlashPick[];
  active: number;
  query: string;
  onPick: (pick: SlashPick) => void;
  onHover: (index: number) => void;
}

/** The "/" list above the chat input (quick replies, then FAQ answers); the keyboard is handled by the input itself. */
export function ShortcutPopup({ matches, active, query, onPick, onHover }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);
  return (
    <div
      ref={list}
      role="listbox"
      id="quick-reply-popup"
      aria-label={t("quickReplies.title")}
      data-testid="shortcut-popup"
      style={{
        position: "absolute",
        insetInline: 0,
        bottom: "100%",
        marginBottom: 4,
        maxHeight: 260,
        overflowY: "auto",
        background: token.colorBgElevated,
        boxShadow: token.boxShadowSecondary,
        borderRadius: token.borderRadiusLG,
        zIndex: 10,
        padding: 4,
      }}
    >
      {matches.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("quickReplies.noMatch", { q: query })} style={{ margin: 8 }} />
      ) : (
        matches.map((pick, index) => (
          <div
            key={`${pick.source}:${pick.item.id}`}
            role="option"
            id={`quick-reply-${index}`}
            data-index={index}
            data-testid="shortcut-option"
            data-source={pick.source}
            aria-selected={index === active}
            // mousedown, not click: the input must keep focus and its caret.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(pick);
            }}
            onMouseEnter={() => onHover(index)}
            style={{
              padding: "6px 8px",
              borderRadius: token.borderRadius,
              cursor: "pointer",
              background: index === active ? token.controlItemBgActive : undefined,
              display: "flex",
              gap: 8,
              alignItems: "baseline",
            }}
          >
            {pick.source === "quick_reply" ? (
              <Typography.Text code style={{ whiteSpace: "nowrap" }}>
                /{pick.item.shortcut.replace(/^\//, "")}
              </Typography.Text>
            ) : (
              <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                {t("knowledge.faqTag")}
              </Tag>
            )}
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 0, fontSize: 13 }}>
              {pick.source === "quick_reply" ? pick.item.text : `${pick.item.questions[0] ?? ""} → ${pick.item.answer}`}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
              {pick.item.category}
            </Typography.Text>
          </div>
        ))
      )}
    </div>
  );
}
