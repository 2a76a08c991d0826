// Routing by location.hash (no router dependency): the browser's back button and reload
// keep the page, the open conversation and a search hit's message.
import { useEffect, useState } from "react";

export const SETTINGS_TABS = ["shop", "replies", "widget", "agents"] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export type Route =
  | { page: "workbench"; conversationId: string | null; seq?: number | null }
  | { page: "settings"; tab: SettingsTab | null }
  | { page: "figures" };

const WORKBENCH: Route = { page: "workbench", conversationId: null };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "");
  // The agent list lived at #/agents before it moved under settings; old links still work.
  if (path === "/agents") return { page: "settings", tab: "agents" };
  if (path === "/figures") return { page: "figures" };
  const settings = /^\/settings(?:\/([\w-]+))?$/.exec(path);
  if (settings) {
    const tab = settings[1];
    return { page: "settings", tab: tab && (SETTINGS_TABS as readonly string[]).includes(tab) ? (tab as SettingsTab) : null };
  }
  const match = /^\/c\/([^/?#]+)(?:\/m\/(\d{1,12}))?$/.exec(path);
  if (match) {
    try {
      const conversationId = decodeURIComponent(match[1]!);
      return match[2] ? { page: "workbench", conversationId, seq: Number(match[2]) } : { page: "workbench", conversationId };
    } catch {
      return WORKBENCH;
    }
  }
  return WORKBENCH;
}

export function routeHash(route: Route): string {
  if (route.page === "figures") return "#/figures";
  if (route.page === "settings") return route.tab ? `#/settings/${route.tab}` : "#/settings";
  if (!route.conversationId) return "#/";
  const base = `#/c/${encodeURIComponent(route.conversationId)}`;
  return route.seq ? `${base}/m/${route.seq}` : base;
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
