// Calls after-sales (and supervisors) to a neutral or bad review: a lasting notice (and a
// desktop notification) when its follow-up opens, and warnings when one comes within two
// days of the modification deadline and when it passes — once each. The live event brings
// new ones at once; the list read every minute brings the deadlines, so a restart loses nothing.
import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { beep, desktopNotify } from "../../platform/notify";
import { useServerEvents } from "../../platform/realtime/RealtimeProvider";
import { useFollowUps } from "./reviews-api";

export function ReviewAlerts() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const open = useFollowUps("open");
  const warned = useRef(new Set<string>());

  useServerEvents((event) => {
    if (event.type !== "review.alert") return;
    void queryClient.invalidateQueries({ queryKey: ["reviews"] });
    const first = event.items[0];
    if (!first) return;
    const title = event.total === 1 ? t(`reviews.alert.${first.rating}`, { nick: first.nick || t("chat.buyer") }) : t("reviews.alert.many", { count: event.total });
    const description = event.total === 1 ? first.text : event.items.map((i) => i.nick).join("、");
    const show = () => navigate({ page: "reviews", section: event.total === 1 ? first.followUpId : "follow-ups" });
    beep();
    notification.warning({
      key: `review-${first.followUpId}`,
      message: <span data-testid="review-alert">{title}</span>,
      description,
      duration: 0,
      placement: "bottomLeft",
      onClick: show,
    });
    desktopNotify(title, description, `qd-review-${first.followUpId}`, show);
  });

  useEffect(() => {
    for (const f of open.data?.items ?? []) {
      if (f.state !== "due_soon" && f.state !== "overdue") continue;
      const key = `${f.id}:${f.state}`;
      if (warned.current.has(key)) continue;
      warned.current.add(key);
      notification.warning({
        key: `review-due-${f.id}`,
        message: <span data-testid="review-due-warning">{t(f.state === "overdue" ? "reviews.warnOverdue" : "reviews.warnDueSoon", { nick: f.nick || t("chat.buyer") })}</span>,
        description: f.reviewText ?? "",
        duration: f.state === "overdue" ? 0 : 10,
        placement: "bottomLeft",
        onClick: () => navigate({ page: "reviews", section: f.id }),
      });
    }
  }, [open.data, notification, t]);
  return null;
}
