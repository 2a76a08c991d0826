// Every review of the shop, newest first, filtered by rating, product and period; reviews
// of trades that do not count are marked 不计分 (SPEC §5); the shop's public reply.
import { Button, DatePicker, Flex, Input, Modal, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { useShopProducts } from "../assistant/product-api";
import { formatTime } from "../workbench/format";
import { periodBounds, RATING_COLOR, STATE_COLOR } from "./review-format";
import { useReply, useReviews, type Rating, type Review } from "./reviews-api";

export function ReviewsList({ shopId, canReply }: { shopId: string; canReply: boolean }) {
  const { t, i18n } = useTranslation();
  const [rating, setRating] = useState<Rating | null>(null);
  const [productId, setProductId] = useState<string | null>(null);
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const bounds = periodBounds(period?.[0]?.toDate() ?? null, period?.[1]?.toDate() ?? null);
  const list = useReviews({ shopId, rating, productId, ...bounds });
  const products = useShopProducts(shopId, true);
  const [replying, setReplying] = useState<Review | null>(null);

  const columns: TableColumnsType<Review> = [
    { key: "at", title: t("reviews.at"), render: (_, r) => formatTime(r.at, i18n.language) },
    {
      key: "rating",
      title: t("reviews.ratingTitle"),
      render: (_, r) => (
        <Flex gap={4} wrap>
          <Tag color={RATING_COLOR[r.rating]}>{t(`reviews.rating.${r.rating}`)}</Tag>
          {!r.counted && (
            <Tooltip title={t("reviews.notCountedHint")}>
              <Tag data-testid="review-not-counted">{t("reviews.notCounted")}</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { key: "text", title: t("reviews.text"), render: (_, r) => <Typography.Paragraph style={{ margin: 0, maxWidth: 360 }} ellipsis={{ rows: 3, expandable: true }}>{r.text ?? "—"}</Typography.Paragraph> },
    { key: "product", title: t("reviews.product"), render: (_, r) => r.product?.title ?? r.item ?? "—" },
    { key: "buyer", title: t("reviews.buyer"), render: (_, r) => r.nick || "—" },
    { key: "reply", title: t("reviews.reply"), render: (_, r) => (r.reply ? <Typography.Text type="secondary">{r.reply}</Typography.Text> : canReply ? <Button size="small" onClick={() => setReplying(r)}>{t("reviews.writeReply")}</Button> : "—") },
    {
      key: "followUp",
      title: t("reviews.followUp"),
      render: (_, r) =>
        r.followUp ? (
          <Tag color={STATE_COLOR[r.followUp.state]} style={{ cursor: canReply ? "pointer" : undefined }} onClick={canReply ? () => navigate({ page: "reviews", section: r.followUp!.id }) : undefined}>
            {r.followUp.outcome ? t(`reviews.outcome.${r.followUp.outcome}`) : t(`reviews.state.${r.followUp.state}`)}
          </Tag>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select<Rating | null>
          value={rating}
          onChange={setRating}
          style={{ minWidth: 120 }}
          data-testid="reviews-filter-rating"
          options={[{ value: null, label: t("reviews.allRatings") }, ...(["good", "neutral", "bad"] as const).map((r) => ({ value: r, label: t(`reviews.rating.${r}`) }))]}
        />
        <Select<string | null>
          value={productId}
          onChange={setProductId}
          showSearch={{ optionFilterProp: "label" }}
          style={{ minWidth: 220 }}
          loading={products.isPending}
          options={[{ value: null, label: t("reviews.allProducts") }, ...(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))]}
        />
        <DatePicker.RangePicker value={period} onChange={(value) => setPeriod(value)} allowEmpty={[true, true]} />
      </Flex>
      <Table<Review>
        data-testid="reviews-table"
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
      />
      {replying && <ReplyModal review={replying} onClose={() => setReplying(null)} />}
    </Flex>
  );
}

export function ReplyModal({ review, onClose }: { review: Review | { id: string; text: string | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const reply = useReply();
  const [text, setText] = useState("");
  return (
    <Modal
      open
      title={t("reviews.replyTitle")}
      onCancel={onClose}
      okText={t("reviews.publishReply")}
      okButtonProps={{ disabled: text.trim() === "", loading: reply.isPending, "data-testid": "review-reply-submit" }}
      onOk={() => reply.mutate({ reviewId: review.id, text: text.trim() }, { onSuccess: onClose })}
    >
      {review.text && <Typography.Paragraph type="secondary">{review.text}</Typography.Paragraph>}
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }} placeholder={t("reviews.replyPlaceholder")} />
    </Modal>
  );
}
