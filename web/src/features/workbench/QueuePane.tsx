import { Alert, Badge, Button, Empty, Spin, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAbility } from "../../platform/session";
import { ABILITY, type QueueView } from "../../platform/types";
import { ConversationItem } from "./ConversationItem";
import { useQueue } from "./queries";

const STORAGE_KEY = "qd.queueView";

function initialView(canViewAll: boolean): QueueView {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === "waiting" || stored === "mine" || stored === "team" || (stored === "all" && canViewAll)) return stored;
  } catch {
    // storage unavailable: use the default
  }
  // The widest list the agent may see, so a new buyer shows up whoever the router picked.
  return canViewAll ? "all" : "team";
}

export function QueuePane({ selectedId, onOpen }: { selectedId: string | null; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const canViewAll = useAbility(ABILITY.viewAll);
  const [view, setView] = useState<QueueView>(() => initialView(canViewAll));
  const waiting = useQueue("waiting"); // always live: its count sits on the tab
  const current = useQueue(view, view !== "waiting");
  const list = view === "waiting" ? waiting : current;

  const views: QueueView[] = canViewAll ? ["waiting", "mine", "team", "all"] : ["waiting", "mine", "team"];
  const choose = (next: string) => {
    const chosen = next as QueueView;
    setView(chosen);
    try {
      localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // not remembered; fine
    }
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 0 }}>
      <Tabs
        activeKey={view}
        onChange={choose}
        centered
        size="small"
        style={{ flex: "none" }}
        tabBarStyle={{ marginBottom: 0 }}
        items={views.map((key) => ({
          key,
          label:
            key === "waiting" ? (
              <Badge count={waiting.data?.length ?? 0} size="small" offset={[8, -2]}>
                {t("queue.waiting")}
              </Badge>
            ) : (
              t(`queue.${key}`)
            ),
        }))}
      />
      <div style={{ flex: 1, overflowY: "auto", minHeight: 0 }} aria-busy={list.isFetching}>
        {list.isPending ? (
          <Spin style={{ display: "block", margin: "32px auto" }} />
        ) : list.isError ? (
          <Alert
            type="error"
            showIcon
            style={{ margin: 12 }}
            title={t("queue.loadFailed")}
            action={<Button size="small" onClick={() => void list.refetch()}>{t("common.retry")}</Button>}
          />
        ) : list.data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`queue.empty.${view}`)} style={{ marginTop: 48 }} />
        ) : (
          list.data.map((conversation) => (
            <ConversationItem
              key={conversation.id}
              conversation={conversation}
              selected={conversation.id === selectedId}
              showAssignee={view === "team" || view === "all"}
              onOpen={onOpen}
            />
          ))
        )}
      </div>
    </div>
  );
}
