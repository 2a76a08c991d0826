// Routing by location.hash (no router dependency): the browser's back button and reload
// keep the page and the open conversation.
import { useEffect, useState } from "react";

export type Route = { page: "workbench"; conversationId: string | null } | { page: "agents" };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "");
  if (path === "/agents") return { page: "agents" };
  const match = /^\/c\/([^/?#]+)$/.exec(path);
  if (match) {
    try {
      return { page: "workbench", conversationId: decodeURIComponent(match[1]!) };
    } catch {
      return { page: "workbench", conversationId: null };
    }
  }
  return { page: "workbench", conversationId: null };
}

export function routeHash(route: Route): string {
  if (route.page === "agents") return "#/agents";
  return route.conversationId ? `#/c/${encodeURIComponent(route.conversationId)}` : "#/";
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
