// Reviews (SPEC §5; seeds 000, 001, 002): the follow-up tasks of neutral and bad reviews
// for those who handle them, and every review with its filters and the shop's reply.
// `#/reviews/<follow-up id>` opens that task (the alerts link here).
import { Alert, Select, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PageProps } from "../../app/pages";
import { navigate } from "../../app/route";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { FollowUpDrawer } from "./FollowUpDrawer";
import { FollowUpList } from "./FollowUpList";
import { FollowUpSettings } from "./FollowUpSettings";
import { parseReviewsSection } from "./review-format";
import { ReviewsList } from "./ReviewsList";

export function ReviewsPage({ section }: PageProps) {
  const { t } = useTranslation();
  const me = useSession();
  const canFollowUp = useAbility(ABILITY.replyReviews);
  const canSettings = useAbility(ABILITY.manageShops);
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const parsed = parseReviewsSection(section);
  const tab = parsed.tab === "settings" ? (canSettings ? "settings" : "all") : canFollowUp ? parsed.tab : "all";
  const followUpId = canFollowUp && parsed.tab === "follow-ups" ? parsed.followUpId : null;

  if (!shopId) return <Alert type="info" showIcon title={t("reviews.noShop")} style={{ margin: 24 }} />;
  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="reviews-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("reviews.title")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate({ page: "reviews", section: key })}
        tabBarExtraContent={me.shops.length > 1 ? <Select value={shopId} onChange={setShopId} options={me.shops.map((s) => ({ value: s.id, label: s.name }))} style={{ minWidth: 160 }} /> : null}
        items={[
          ...(canFollowUp
            ? [{ key: "follow-ups", label: <span data-testid="reviews-tab-follow-ups">{t("reviews.followUps")}</span>, children: <FollowUpList onOpen={(id) => navigate({ page: "reviews", section: id })} /> }]
            : []),
          { key: "all", label: <span data-testid="reviews-tab-all">{t("reviews.all")}</span>, children: <ReviewsList shopId={shopId} canReply={canFollowUp} /> },
          ...(canSettings ? [{ key: "settings", label: t("reviews.settingsTab"), children: <FollowUpSettings shopId={shopId} /> }] : []),
        ]}
      />
      {canFollowUp && <FollowUpDrawer id={followUpId} onClose={() => navigate({ page: "reviews", section: "follow-ups" })} />}
    </div>
  );
}
