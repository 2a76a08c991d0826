// One RealtimeClient per signed-in session, shared through context.
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ME_KEY } from "../session";
import { RealtimeClient, type ConnectionState, type OutboxEntry, type ServerEventListener } from "./realtime-client";

const RealtimeContext = createContext<RealtimeClient | null>(null);

function agentSocketUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/api/ws`;
}

/** `client` is for tests; the page lets the provider make the real one. */
export function RealtimeProvider({ children, client: given }: { children: ReactNode; client?: RealtimeClient }) {
  const queryClient = useQueryClient();
  const [client] = useState(
    () =>
      given ??
      new RealtimeClient({
        url: agentSocketUrl(),
        createSocket: (url) => new WebSocket(url),
        onAuthRejected: () => void queryClient.invalidateQueries({ queryKey: ME_KEY }),
      }),
  );
  useEffect(() => {
    client.start();
    const wake = () => client.reconnectNow();
    const onVisible = () => {
      if (document.visibilityState === "visible") wake();
    };
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", wake);
      document.removeEventListener("visibilitychange", onVisible);
      client.stop();
    };
  }, [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error("useRealtime outside RealtimeProvider");
  return client;
}

export function useConnectionState(): ConnectionState {
  const client = useRealtime();
  return useSyncExternalStore(client.subscribe, client.getState);
}

export function useOutbox(): readonly OutboxEntry[] {
  const client = useRealtime();
  return useSyncExternalStore(client.subscribe, client.getOutbox);
}

/** Subscribes `listener` to server events for the component's lifetime. */
export function useServerEvents(listener: ServerEventListener): void {
  const client = useRealtime();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on((event, meta) => latest.current(event, meta)), [client]);
}
