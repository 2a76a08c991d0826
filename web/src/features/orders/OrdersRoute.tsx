// The orders page as the side menu opens it, with the sections other features add: the
// 催付 list (unpaid orders, reminders, recovery rate).
import { useTranslation } from "react-i18next";
import type { PageProps } from "../../app/pages";
import { UnpaidRemindersPanel } from "../unpaid-reminders/UnpaidRemindersPanel";
import { OrdersPage } from "./OrdersPage";

export function OrdersRoute({ section }: PageProps) {
  const { t } = useTranslation();
  return <OrdersPage section={section} extraSections={[{ key: "unpaid", label: t("unpaidReminders.tab"), render: () => <UnpaidRemindersPanel /> }]} />;
}
