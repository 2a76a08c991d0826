import { Empty, Typography, theme } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { QuickReply } from "./quick-replies-api";

interface Props {
  matches: readonly QuickReply[];
  active: number;
  query: string;
  onPick: (reply: QuickReply) => void;
  onHover: (index: number) => void;
}

/** The "/" list above the chat input; the keyboard is handled by the input itself. */
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
        matches.map((reply, index) => (
          <div
            key={reply.id}
            role="option"
            id={`quick-reply-${index}`}
            data-index={index}
            aria-selected={index === active}
            // mousedown, not click: the input must keep focus and its caret.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(reply);
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
            <Typography.Text code style={{ whiteSpace: "nowrap" }}>
              /{reply.shortcut.replace(/^\//, "")}
            </Typography.Text>
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 0, fontSize: 13 }}>
              {reply.text}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
              {reply.category}
            </Typography.Text>
          </div>
        ))
      )}
    </div>
  );
}
