// The shop's follow-up settings (owners): how many days the platform leaves a buyer to
// change a neutral/bad review — no seed says, Taobao's rule is 30 — and the apology to
// start with (seed 001's words unless the shop writes its own). New tasks are due that
// many days after their review; open ones keep the due time they were given.
import { App, Button, Card, Flex, Input, InputNumber, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useShop, useUpdateShop } from "../settings/settings-api";
import { DEFAULT_MODIFY_DEADLINE_DAYS, SEED_APOLOGY } from "../../../../server/src/modules/reviews/follow-up.rules";

export function FollowUpSettings({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop(shopId);
  const update = useUpdateShop(shopId);
  const stored = (shop.data?.settings.reviews ?? {}) as { modifyDeadlineDays?: number; apologyTemplate?: string };
  const [days, setDays] = useState<number | null>(null);
  const [apology, setApology] = useState("");
  useEffect(() => {
    setDays(stored.modifyDeadlineDays ?? DEFAULT_MODIFY_DEADLINE_DAYS);
    setApology(stored.apologyTemplate ?? SEED_APOLOGY);
  }, [stored.modifyDeadlineDays, stored.apologyTemplate]);

  const save = () =>
    update.mutate({ settings: { reviews: { modifyDeadlineDays: days ?? DEFAULT_MODIFY_DEADLINE_DAYS, apologyTemplate: apology.trim() || SEED_APOLOGY } } }, {
      onSuccess: () => void message.success(t("reviews.settingsSaved")),
      onError: () => void message.error(t("reviews.settingsFailed")),
    });

  return (
    <Card size="small" title={t("reviews.settingsTitle")} style={{ maxWidth: 640 }} data-testid="follow-up-settings">
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t("reviews.deadlineDays")}</Typography.Text>
          <InputNumber min={1} max={365} value={days} onChange={(v) => setDays(v)} data-testid="follow-up-deadline-days" />
          <Typography.Text type="secondary">{t("reviews.deadlineDaysHint", { days: DEFAULT_MODIFY_DEADLINE_DAYS })}</Typography.Text>
        </Flex>
        <Typography.Text>{t("reviews.apologyTitle")}</Typography.Text>
        <Input.TextArea value={apology} onChange={(e) => setApology(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} />
        <Button type="primary" onClick={save} loading={update.isPending} disabled={shop.isPending} style={{ alignSelf: "flex-start" }}>
          {t("common.save")}
        </Button>
      </Flex>
    </Card>
  );
}
