// The signed-in agent. GET /api/me is the single source: abilities from it decide what the
// UI shows, the CSRF token from it signs every write.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";
import { ApiError, api, apiPost, setCsrfToken } from "./api";
import type { Agent, Me } from "./types";

export const ME_KEY = ["me"] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>("/api/me", { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    staleTime: Infinity,
    retry: (count, error) => !(error instanceof ApiError && error.status > 0) && count < 3,
  });
}

interface LoginAnswer {
  agent: Agent;
  abilities: string[];
  csrfToken: string;
}

export async function login(queryClient: QueryClient, email: string, password: string): Promise<void> {
  const answer = await api<LoginAnswer>("/api/auth/login", { method: "POST", body: { email, password }, quiet401: true });
  setCsrfToken(answer.csrfToken);
  // staleTime 0: the cached answer is the "signed out" null from a moment ago.
  await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
}

export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await apiPost<void>("/api/auth/logout");
  } finally {
    setCsrfToken(null);
    // Null first, on the query the page observes (clear() would detach it from the page),
    // then drop every other cached answer of this agent.
    queryClient.setQueryData(ME_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  }
}

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in agent, or null on the sign-in page. */
export function useOptionalSession(): Me | null {
  return useContext(SessionContext);
}

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession outside a signed-in page");
  return me;
}

export function useAbility(ability: string): boolean {
  return useSession().abilities.includes(ability);
}
