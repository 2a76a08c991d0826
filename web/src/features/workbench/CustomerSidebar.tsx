import { EyeOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Descriptions, Empty, Flex, Spin, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "./format";
import { apiPost } from "../../platform/api";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY, type CustomerContact, type CustomerDetail } from "../../platform/types";
import { AftersalesFile } from "../aftersales/AftersalesFile";
import { ProductHelper } from "../catalog/ProductHelper";
import { PromotionsCard } from "../promotions/PromotionsCard";
import { OrderDrawer } from "../orders/OrderDrawer";
import { useShop } from "../settings/settings-api";
import { canReplyTo } from "./policy";
import { OrdersList } from "./OrdersList";
import { customerKey, useConversation, useCustomer } from "./queries";

interface Props {
  conversationId: string | null;
  onOpen: (id: string) => void;
}

/** The buyer of the open conversation: contact data arrives masked from the server. */
export function CustomerSidebar({ conversationId, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const conversation = useConversation(conversationId);
  const customerId = conversation.data?.customer.id ?? null;
  const detail = useCustomer(customerId);
  const canReveal = useAbility(ABILITY.revealContact);
  const me = useSession();
  const canAftersales = useAbility(ABILITY.aftersales);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  const shop = useShop(conversation.data?.shopId ?? null).data;
  const reveal = useMutation({
    mutationFn: (id: string) => apiPost<{ customer: CustomerContact }>(`/api/v1/customers/${encodeURIComponent(id)}/reveal`),
    onSuccess: ({ customer }) =>
      queryClient.setQueryData<CustomerDetail>(customerKey(customer.id), (old) => (old ? { ...old, customer } : old)),
    onError: () => void message.error(t("customer.revealFailed")),
  });

  if (!conversationId) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer.none")} style={{ marginTop: 64 }} />;
  if (detail.isError)
    return (
      <Alert
        type="error"
        showIcon
        style={{ margin: 12 }}
        title={t("customer.loadFailed")}
        action={<Button size="small" onClick={() => void detail.refetch()}>{t("common.retry")}</Button>}
      />
    );
  if (!detail.data) return <Spin style={{ display: "block", margin: "48px auto" }} />;

  const { customer, conversations } = detail.data;
  const dash = t("common.none");
  const past = conversations.filter((c) => c.id !== conversationId);
  return (
    <Flex vertical gap={16} style={{ padding: 16 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t("customer.title")}
      </Typography.Title>
      <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 64 } }}>
        <Descriptions.Item label={t("customer.nick")}>{customer.nick}</Descriptions.Item>
        <Descriptions.Item label={t("customer.name")}>{customer.name || dash}</Descriptions.Item>
        <Descriptions.Item label={t("customer.phone")}>{customer.phone || dash}</Descriptions.Item>
        <Descriptions.Item label={t("customer.address")}>{customer.address || dash}</Descriptions.Item>
      </Descriptions>
      {canReveal && !customer.revealed && (customer.phone || customer.address) && (
        <Tooltip title={t("customer.revealHint")}>
          <Button size="small" data-testid="customer-reveal" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate(customer.id)} style={{ alignSelf: "flex-start" }}>
            {t("customer.reveal")}
          </Button>
        </Tooltip>
      )}
      <div>
        <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
          {t("customer.orders")}
        </Typography.Text>
        <OrdersList orders={detail.data.orders ?? []} onOpen={setOpenOrder} />
      </div>
      <OrderDrawer
        orderId={openOrder}
        conversationId={conversationId}
        canAct={conversation.data ? canReplyTo(me, conversation.data) && conversation.data.status !== "closed" : false}
        shop={shop ? { timezone: shop.timezone, shippingCutoff: shop.settings.shippingCutoff } : null}
        onClose={() => setOpenOrder(null)}
      />
      {conversation.data && (
        <PromotionsCard conversationId={conversation.data.id} shopId={conversation.data.shopId} canSend={canReplyTo(me, conversation.data) && conversation.data.status !== "closed"} />
      )}
      {conversation.data && (
        <ProductHelper conversationId={conversation.data.id} shopId={conversation.data.shopId} canSend={canReplyTo(me, conversation.data) && conversation.data.status !== "closed"} />
      )}
      {canAftersales && <AftersalesFile customerId={customer.id} conversationId={conversationId} orders={detail.data.orders ?? []} />}
      <div>
        <Typography.Text strong>{t("customer.pastConversations")}</Typography.Text>
        {past.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("customer.noPast")}
          </Typography.Paragraph>
        ) : (
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            {past.map((c) => (
              <Button key={c.id} type="text" block style={{ height: "auto", textAlign: "start", padding: "6px 8px" }} onClick={() => onOpen(c.id)}>
                <Flex vertical style={{ width: "100%", minWidth: 0 }}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text style={{ fontSize: 12 }}>{formatTime(c.startedAt, i18n.language)}</Typography.Text>
                    <Tag style={{ marginInlineEnd: 0 }}>{t(`conversation.status.${c.status}`)}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {c.lastMessage?.text || t("queue.noMessages")}
                  </Typography.Text>
                </Flex>
              </Button>
            ))}
          </Flex>
        )}
      </div>
    </Flex>
  );
}
