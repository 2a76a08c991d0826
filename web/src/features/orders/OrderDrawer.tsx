// One order beside the chat: what was bought, where it goes (masked until revealed), the
// shop's cut-off, and the actions of seed 000/002/003 — address check, colour/size change,
// remark for the warehouse, courier, cancel unpaid, ship — with the timeline below.
import { App, Button, Descriptions, Drawer, Flex, Input, Popconfirm, Select, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useAbility } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { insertIntoComposer } from "../quick-replies/composer-insert";
import { formatTime, formatYuan, variantText } from "../workbench/format";
import { cutoffNow, hoursAndMinutes, latestLogistics, orderActionsFor, shopClock } from "./order-words";
import { sendOrderCard, useOrder, useOrderAction } from "./orders-api";
import { SkuChangeModal } from "./SkuChangeModal";
import { ORDER_STATUS_COLOR } from "./status-colors";
import { UnpaidReminderButton } from "../unpaid-reminders/UnpaidRemindersPanel";

interface Props {
  orderId: string | null;
  /** The conversation the drawer was opened from: cards and replies go there. */
  conversationId: string | null;
  canAct: boolean;
  shop: { timezone: string; shippingCutoff?: string | undefined } | null;
  onClose(): void;
}

export function OrderDrawer({ orderId, conversationId, canAct, shop, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const detail = useOrder(orderId);
  const action = useOrderAction(orderId ?? "");
  const mayReveal = useAbility(ABILITY.revealContact);
  const mayShip = useAbility(ABILITY.shipOrders);
  const [remark, setRemark] = useState<string | null>(null);
  const [tracking, setTracking] = useState("");
  const [skuOpen, setSkuOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const data = detail.data;
  const order = data?.order;

  const failed = (error: unknown) => void message.error(error instanceof ApiError ? error.message : t("orders.failed"));
  const run = (input: Parameters<typeof action.mutate>[0], done?: string) =>
    action.mutate(input, { onSuccess: () => done && void message.success(done), onError: failed });

  const sendAddressCheck = async () => {
    if (!order || !conversationId) return;
    setSending(true);
    try {
      await sendOrderCard(order.id, { kind: "address-check", conversationId });
      void message.success(t("orders.cardSent"));
    } catch (error) {
      failed(error);
    } finally {
      setSending(false);
    }
  };

  const allowed = order ? orderActionsFor(order) : null;
  const leftText = (minutes: number) => {
    const { hours, minutes: rest } = hoursAndMinutes(minutes);
    return hours > 0 ? t("orders.hoursMinutes", { hours, minutes: rest }) : t("orders.minutesOnly", { minutes: rest });
  };
  const cutoff = shop && order && allowed?.courier ? cutoffNow(shop.shippingCutoff, new Date(), shop.timezone) : null;
  const where = data ? latestLogistics(data.timeline) : null;
  const logisticsReply = where && shop ? t("orders.logisticsReply", { location: where.location ?? "", time: shopClock(new Date(where.at), shop.timezone), description: where.description }) : null;

  return (
    <Drawer open={orderId !== null} onClose={onClose} width={420} title={order ? t("orders.title", { ref: order.externalId ?? order.id }) : t("orders.loading")} destroyOnHidden data-testid="order-drawer">
      {detail.isError && <Typography.Text type="danger">{t("orders.loadFailed")}</Typography.Text>}
      {order && allowed && (
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center">
            <Tag color={ORDER_STATUS_COLOR[order.status]} data-testid="order-status">
              {t(`orderStatus.${order.status}`)}
            </Tag>
            <Typography.Text strong>{t("customer.orderTotal", { total: formatYuan(order.totalCents) })}</Typography.Text>
          </Flex>
          <div>
            {order.items.map((item) => (
              <Flex key={item.position} justify="space-between" gap={8} data-testid="order-item">
                <Typography.Text ellipsis={{ tooltip: item.title }}>
                  {item.title} {variantText(item) && <Typography.Text type="secondary">({variantText(item)})</Typography.Text>}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {formatYuan(item.priceCents)} × {item.qty}
                </Typography.Text>
              </Flex>
            ))}
          </div>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("orders.recipient")}>
              {order.recipient ? (
                <Flex vertical>
                  <span data-testid="order-recipient">
                    {order.recipient.name} {order.recipient.phone}
                  </span>
                  <span>{order.recipient.address}</span>
                  {mayReveal && !order.recipient.revealed && (
                    <Button size="small" type="link" style={{ padding: 0, alignSelf: "flex-start" }} onClick={() => run({ kind: "reveal" })}>
                      {t("customer.reveal")}
                    </Button>
                  )}
                </Flex>
              ) : (
                "—"
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("orders.addressCheck")}>
              {order.addressVerifiedAt ? (
                <Tag color="green" data-testid="order-address-verified">
                  {t("orders.verifiedAt", { time: formatTime(order.addressVerifiedAt, i18n.language) })}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t("orders.notVerified")}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("orders.courier")}>
              {allowed.courier && canAct ? (
                <Select
                  size="small"
                  style={{ minWidth: 180 }}
                  value={order.courier ?? undefined}
                  placeholder={t("orders.chooseCourier")}
                  options={(data.couriers ?? []).map((c) => ({ value: c.name, label: c.surchargeCents ? `${c.name} (+${formatYuan(c.surchargeCents)})` : c.name }))}
                  onChange={(courier: string) => run({ kind: "courier", courier }, t("orders.saved"))}
                  data-testid="order-courier"
                />
              ) : (
                <span>
                  {order.courier ?? "—"} {order.trackingNo}
                </span>
              )}
            </Descriptions.Item>
          </Descriptions>
          {cutoff && (
            <Typography.Text type={cutoff.shipsToday ? "success" : "secondary"} data-testid="order-cutoff">
              {cutoff.shipsToday ? t("orders.cutoffToday", { cutoff: shop?.shippingCutoff, left: leftText(cutoff.minutesLeft) }) : t("orders.cutoffTomorrow", { cutoff: shop?.shippingCutoff })}
            </Typography.Text>
          )}
          {allowed.remark && canAct && (
            <div>
              <Typography.Text strong>{t("orders.remark")}</Typography.Text>
              <Input.TextArea
                value={remark ?? order.remark ?? ""}
                onChange={(e) => setRemark(e.target.value)}
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t("orders.remarkHint")}
                data-testid="order-remark"
              />
              <Button size="small" style={{ marginTop: 6 }} disabled={remark === null || remark === (order.remark ?? "")} loading={action.isPending} onClick={() => run({ kind: "remark", remark: remark ?? "" }, t("orders.saved"))} data-testid="order-remark-save">
                {t("common.save")}
              </Button>
            </div>
          )}
          {!allowed.remark && order.remark && <Typography.Text>{t("orders.remarkShown", { remark: order.remark })}</Typography.Text>}
          {canAct && (
            <Flex wrap gap={8}>
              {allowed.addressCheck && conversationId && (
                <Button onClick={() => void sendAddressCheck()} loading={sending} data-testid="order-address-check">
                  {t("orders.sendAddressCheck")}
                </Button>
              )}
              {allowed.skuChange && conversationId && (
                <Button onClick={() => setSkuOpen(true)} data-testid="order-sku-change">
                  {t("orders.changeSku")}
                </Button>
              )}
              {logisticsReply && conversationId && (
                <Button onClick={() => insertIntoComposer(conversationId, logisticsReply) || void message.info(t("orders.noComposer"))} data-testid="order-logistics-reply">
                  {t("orders.tellWhere")}
                </Button>
              )}
              {allowed.cancel && <UnpaidReminderButton orderId={order.id} conversationId={conversationId} size="middle" />}
              {allowed.cancel && (
                <Popconfirm title={t("orders.cancelConfirm")} onConfirm={() => run({ kind: "cancel" }, t("orders.cancelled"))}>
                  <Button danger data-testid="order-cancel">
                    {t("orders.cancel")}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          )}
          {allowed.ship && mayShip && (
            <Space.Compact>
              <Input placeholder={t("orders.trackingNo")} value={tracking} onChange={(e) => setTracking(e.target.value)} maxLength={60} />
              <Button type="primary" onClick={() => run({ kind: "ship", ...(tracking.trim() && { trackingNo: tracking.trim() }) }, t("orders.shippedDone"))} data-testid="order-ship">
                {t("orders.ship")}
              </Button>
            </Space.Compact>
          )}
          <div>
            <Typography.Text strong>{t("orders.timeline")}</Typography.Text>
            <Timeline
              style={{ marginTop: 12 }}
              reverse
              items={data.timeline.map((e) => ({
                key: e.id,
                color: e.kind === "logistics" ? "blue" : e.kind === "status" ? "green" : "gray",
                children: (
                  <div data-testid="order-event" data-kind={e.kind}>
                    <div>{e.kind === "status" && e.status ? t(`orderStatus.${e.status}`, { defaultValue: e.description }) : e.description}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.location ? `${e.location} · ` : ""}
                      {formatTime(e.at, i18n.language)}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          </div>
          {order && conversationId && <SkuChangeModal open={skuOpen} order={order} conversationId={conversationId} onClose={() => setSkuOpen(false)} />}
        </Flex>
      )}
    </Drawer>
  );
}
