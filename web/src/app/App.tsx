import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, ConfigProvider, Result, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoginPage } from "../features/auth/LoginPage";
import { ANTD_LOCALES } from "../i18n/antd-locale";
import { DEFAULT_LANGUAGE, changeLanguage, isLanguage } from "../i18n";
import { setUnauthorizedHandler } from "../platform/api";
import { RealtimeProvider } from "../platform/realtime/RealtimeProvider";
import { ME_KEY, SessionProvider, useMeQuery } from "../platform/session";
import { Shell } from "./Shell";
import { theme } from "./theme";

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: false } } }),
  );
  const lng = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={ANTD_LOCALES[lng]} theme={theme}>
        <AntApp style={{ height: "100%" }}>
          <SessionGate />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

function SessionGate() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMeQuery();
  useEffect(() => {
    // Any 401 later on (session expired, signed out elsewhere) returns to the login page.
    setUnauthorizedHandler(() => queryClient.setQueryData(ME_KEY, null));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);
  // The language is kept per agent on the server: apply it once per sign-in, so a later
  // switch (saved through the same record) is not undone by the cached answer.
  const appliedFor = useRef<string | null>(null);
  const agent = me.data?.agent;
  useEffect(() => {
    if (!agent) {
      if (me.data === null) appliedFor.current = null; // signed out: the next sign-in applies again
      return;
    }
    if (appliedFor.current === agent.id) return;
    appliedFor.current = agent.id;
    if (isLanguage(agent.locale) && agent.locale !== i18n.language) changeLanguage(agent.locale);
  }, [agent, me.data, i18n]);

  if (me.isPending) return <Spin fullscreen />;
  if (me.isError)
    return (
      <Result
        status="warning"
        title={t("common.serverUnreachable")}
        extra={<Button onClick={() => void me.refetch()}>{t("common.retry")}</Button>}
      />
    );
  if (!me.data) return <LoginPage />;
  return (
    <SessionProvider me={me.data}>
      <RealtimeProvider key={me.data.agent.id}>
        <Shell />
      </RealtimeProvider>
    </SessionProvider>
  );
}
