import { CheckOutlined, ExclamationCircleOutlined, LoadingOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Image, Space, Typography, theme } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MessageKind, MessageSender, OrderCard, ProductCard } from "../../platform/types";
import { OrderCardView } from "../orders/OrderCardView";
import { formatPrice, formatTime } from "./format";
import { safeImageUrl } from "./safe-url";

export interface BubbleModel {
  key: string;
  from: MessageSender;
  kind: MessageKind;
  text: string;
  imageUrl: string | null;
  product: ProductCard | null;
  card?: OrderCard | null;
  at: string;
  senderName: string | null;
  /** Only for the agent's own side. */
  delivery?: "sending" | "failed" | "sent" | "read";
  seq?: number;
}

interface Props {
  bubble: BubbleModel;
  /** The message a search hit opened. */
  highlighted?: boolean;
  onRetry?: () => void;
  onDiscard?: () => void;
  /** Shown under a buyer's message: the assistant's intent chip. */
  chip?: ReactNode;
}

export function MessageBubble({ bubble, highlighted = false, onRetry, onDiscard, chip }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  if (bubble.from === "system") {
    return (
      <div data-testid="chat-message" data-from="system" data-seq={bubble.seq} style={{ textAlign: "center", margin: "8px 0" }}>
        <span
          style={{
            boxShadow: highlighted ? `0 0 0 3px ${token.colorWarning}` : undefined,
            display: "inline-block",
            maxWidth: "85%",
            padding: "2px 10px",
            borderRadius: 10,
            background: token.colorFillTertiary,
            color: token.colorTextSecondary,
            fontSize: 12,
            whiteSpace: "pre-wrap",
            overflowWrap: "anywhere",
          }}
        >
          {bubble.text}
        </span>
      </div>
    );
  }
  const own = bubble.from !== "buyer";
  const image = safeImageUrl(bubble.imageUrl);
  const who = bubble.from === "buyer" ? null : bubble.from === "bot" ? t("chat.bot") : bubble.senderName;
  return (
    <Flex vertical align={own ? "flex-end" : "flex-start"} style={{ margin: "6px 0" }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginBottom: 2 }}>
        {who ? `${who} · ` : ""}
        {formatTime(bubble.at, i18n.language)}
      </Typography.Text>
      <div
        data-testid="chat-message"
        data-from={bubble.from}
        data-seq={bubble.seq}
        data-delivery={bubble.delivery}
        data-highlighted={highlighted || undefined}
        style={{
          boxShadow: highlighted ? `0 0 0 3px ${token.colorWarning}` : undefined,
          transition: "box-shadow 0.3s",
          maxWidth: "min(75%, 520px)",
          padding: bubble.kind === "text" ? "8px 12px" : 6,
          borderRadius: 12,
          background: own ? (bubble.from === "bot" ? token.colorFillSecondary : token.colorPrimaryBg) : token.colorBgContainer,
          border: `1px solid ${own ? token.colorPrimaryBorder : token.colorBorderSecondary}`,
          whiteSpace: "pre-wrap",
          overflowWrap: "anywhere",
          opacity: bubble.delivery === "sending" ? 0.7 : 1,
        }}
      >
        {bubble.kind === "image" && image && <Image src={image} alt={t("message.kind.image")} width={200} style={{ borderRadius: 8 }} />}
        {bubble.kind === "product" && bubble.product && <ProductCardView product={bubble.product} language={i18n.language} />}
        {bubble.kind === "order" && bubble.card && <OrderCardView card={bubble.card} />}
        {bubble.text && bubble.kind !== "order" && (bubble.kind !== "product" || bubble.text !== bubble.product?.title) && (
          <div style={{ padding: bubble.kind === "text" ? 0 : "4px 6px 0" }}>{bubble.text}</div>
        )}
      </div>
      {own && bubble.delivery && <Delivery state={bubble.delivery} onRetry={onRetry} onDiscard={onDiscard} />}
      {!own && chip}
    </Flex>
  );
}

function Delivery({ state, onRetry, onDiscard }: { state: NonNullable<BubbleModel["delivery"]>; onRetry?: () => void; onDiscard?: () => void }) {
  const { t } = useTranslation();
  if (state === "failed")
    return (
      <Space size={4} style={{ fontSize: 12 }}>
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          <ExclamationCircleOutlined /> {t("chat.sendFailed")}
        </Typography.Text>
        {onRetry && (
          <Button type="link" size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )}
        {onDiscard && (
          <Button type="link" size="small" danger onClick={onDiscard}>
            {t("common.delete")}
          </Button>
        )}
      </Space>
    );
  const icon = state === "sending" ? <LoadingOutlined /> : <CheckOutlined />;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
      {icon} {t(`chat.delivery.${state}`)}
    </Typography.Text>
  );
}

function ProductCardView({ product, language }: { product: ProductCard; language: string }) {
  const image = safeImageUrl(product.imageUrl);
  return (
    <Card size="small" style={{ width: 240 }} styles={{ body: { padding: 8 } }}>
      <Flex gap={8}>
        {image && <img src={image} alt="" width={56} height={56} style={{ objectFit: "cover", borderRadius: 6 }} />}
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: product.title }}>{product.title}</Typography.Text>
          <Typography.Text type="danger" strong>
            {formatPrice(product.priceCents, language)}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
