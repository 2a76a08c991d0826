// The orders page as the side menu opens it, with the sections other features add.
import { OrdersPage } from "./OrdersPage";
import type { PageProps } from "../../app/pages";

export function OrdersRoute({ section }: PageProps) {
  return <OrdersPage section={section} />;
}
