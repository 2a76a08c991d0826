import { Drawer, Empty, Grid, Layout, theme } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { ChatPane } from "./ChatPane";
import { CustomerSidebar } from "./CustomerSidebar";
import { QueuePane } from "./QueuePane";
import { useLiveUpdates } from "./use-live-updates";

/** Queue, chat and customer side by side; on a phone, the queue or the chat. */
export function WorkbenchPage({ selectedId, focusSeq = null }: { selectedId: string | null; focusSeq?: number | null }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const [customerOpen, setCustomerOpen] = useState(false);
  const open = useCallback((id: string) => {
    setCustomerOpen(false);
    navigate({ page: "workbench", conversationId: id });
  }, []);
  const back = useCallback(() => navigate({ page: "workbench", conversationId: null }), []);
  useLiveUpdates(selectedId, open);

  const phone = screens.md === false; // unknown on the first render: assume a desk
  const wide = screens.xl === true;
  const customerDrawer = (
    <Drawer title={t("customer.title")} open={customerOpen} onClose={() => setCustomerOpen(false)} size={phone ? "100%" : 360}>
      <CustomerSidebar conversationId={selectedId} onOpen={open} />
    </Drawer>
  );

  if (phone) {
    return (
      <div style={{ flex: 1, minWidth: 0, minHeight: 0, display: "flex", background: token.colorBgContainer }}>
        {selectedId ? (
          <ChatPane conversationId={selectedId} focusSeq={focusSeq} onBack={back} onShowCustomer={() => setCustomerOpen(true)} />
        ) : (
          <div style={{ flex: 1, minWidth: 0 }}>
            <QueuePane selectedId={null} onOpen={open} />
          </div>
        )}
        {customerDrawer}
      </div>
    );
  }

  return (
    <Layout style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
      <Layout.Sider width={320} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, height: "100%" }}>
        <QueuePane selectedId={selectedId} onOpen={open} />
      </Layout.Sider>
      <Layout.Content style={{ display: "flex", minWidth: 0, minHeight: 0 }}>
        {selectedId ? (
          <ChatPane conversationId={selectedId} focusSeq={focusSeq} onShowCustomer={wide ? undefined : () => setCustomerOpen(true)} />
        ) : (
          <Empty description={t("chat.pick")} style={{ margin: "auto" }} />
        )}
      </Layout.Content>
      {wide && (
        <Layout.Sider width={300} theme="light" style={{ borderInlineStart: `1px solid ${token.colorBorderSecondary}`, overflowY: "auto", height: "100%" }}>
          <CustomerSidebar conversationId={selectedId} onOpen={open} />
        </Layout.Sider>
      )}
      {!wide && customerDrawer}
    </Layout>
  );
}
