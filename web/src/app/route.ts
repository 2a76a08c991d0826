// Routing by location.hash (no router dependency): the browser's back button and reload
// keep the page, the open conversation and a search hit's message.
import { useEffect, useState } from "react";

export const SETTINGS_TABS = ["shop", "replies", "widget", "agents"] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

// Pages that are just "#/<page>" or "#/<page>/<section>". A new page adds its key here
// and an entry in pages.tsx; the section is the page's own business (a tab, a record id).
export const PLAIN_PAGES = ["figures", "reviews", "credit", "knowledge", "promotions", "aftersales", "catalog", "orders"] as const;
export type PlainPage = (typeof PLAIN_PAGES)[number];

export type Route =
  | { page: "workbench"; conversationId: string | null; seq?: number | null }
  | { page: "settings"; tab: SettingsTab | null }
  | { page: PlainPage; section: string | null };

const WORKBENCH: Route = { page: "workbench", conversationId: null };

function decoded(part: string | undefined): string | null | undefined {
  if (part === undefined) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "");
  // The agent list lived at #/agents before it moved under settings; old links still work.
  if (path === "/agents") return { page: "settings", tab: "agents" };
  const settings = /^\/settings(?:\/([\w-]+))?$/.exec(path);
  if (settings) {
    const tab = settings[1];
    return { page: "settings", tab: tab && (SETTINGS_TABS as readonly string[]).includes(tab) ? (tab as SettingsTab) : null };
  }
  const plain = /^\/([a-z-]+)(?:\/([^/?#]+))?$/.exec(path);
  if (plain && (PLAIN_PAGES as readonly string[]).includes(plain[1]!)) {
    const section = decoded(plain[2]);
    return section === undefined ? WORKBENCH : { page: plain[1] as PlainPage, section };
  }
  const match = /^\/c\/([^/?#]+)(?:\/m\/(\d{1,12}))?$/.exec(path);
  if (match) {
    const conversationId = decoded(match[1]);
    if (!conversationId) return WORKBENCH;
    return match[2] ? { page: "workbench", conversationId, seq: Number(match[2]) } : { page: "workbench", conversationId };
  }
  return WORKBENCH;
}

export function routeHash(route: Route): string {
  if (route.page === "settings") return route.tab ? `#/settings/${route.tab}` : "#/settings";
  if (route.page === "workbench") {
    if (!route.conversationId) return "#/";
    const base = `#/c/${encodeURIComponent(route.conversationId)}`;
    return route.seq ? `${base}/m/${route.seq}` : base;
  }
  return route.section ? `#/${route.page}/${encodeURIComponent(route.section)}` : `#/${route.page}`;
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
