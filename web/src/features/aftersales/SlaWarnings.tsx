// Warnings before a case's answer is due (seed 003: the same day; seed 004: the promised
// time): after-sales agents and supervisors get a notice when a case enters its last hour
// and again when it is overdue, once each. The list is read from the server every minute,
// so a restart of either side loses nothing.
import { App } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { useSlaList } from "./aftersales-api";

export function SlaWarnings() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const list = useSlaList();
  const warned = useRef(new Set<string>());
  useEffect(() => {
    for (const c of list.data?.items ?? []) {
      if (c.sla !== "due_soon" && c.sla !== "overdue") continue;
      const key = `${c.id}:${c.sla}:${c.dueAt}`;
      if (warned.current.has(key)) continue;
      warned.current.add(key);
      const open = () => navigate({ page: "aftersales", section: null });
      notification.warning({
        key: `sla-${c.id}`,
        message: <span data-testid="sla-warning">{t(c.sla === "overdue" ? "aftersales.warnOverdue" : "aftersales.warnDueSoon")}</span>,
        description: `${t(`aftersales.kinds.${c.kind}`)} · ${t(`aftersales.reasons.${c.reason}`)}`,
        duration: c.sla === "overdue" ? 0 : 10,
        // Bottom left: case drawers open on the right, where a notice would cover their buttons.
        placement: "bottomLeft",
        onClick: open,
      });
    }
  }, [list.data, notification, t]);
  return null;
}
