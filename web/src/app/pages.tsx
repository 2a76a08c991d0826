// The pages of the workbench besides the chat itself, in the order the side menu shows
// them. Each page is loaded when first opened, and offered only to agents whose
// abilities (sent by /api/me, the server's own table) allow it.
import { AppstoreOutlined, BarChartOutlined, CommentOutlined, GiftOutlined, ReadOutlined, SafetyCertificateOutlined, ShoppingOutlined, TrophyOutlined } from "@ant-design/icons";
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import { REPORT_ABILITY } from "../features/figures/figures-api";
import type { PlainPage } from "./route";
import { ABILITY } from "../platform/types";

export interface PageProps {
  /** The part of the address after the page, e.g. a tab or a record id. */
  section: string | null;
}

export interface PageEntry {
  key: PlainPage;
  icon: ReactNode;
  /** Translation key of the menu label. */
  label: string;
  allowed: (abilities: readonly string[]) => boolean;
  Page: LazyExoticComponent<ComponentType<PageProps>>;
}

const anyOf =
  (...wanted: string[]) =>
  (abilities: readonly string[]) =>
    wanted.some((ability) => abilities.includes(ability));

export const PAGES: PageEntry[] = [
  {
    key: "orders",
    icon: <ShoppingOutlined />,
    label: "nav.orders",
    allowed: anyOf(ABILITY.viewOrders),
    Page: lazy(() => import("../features/orders/OrdersRoute").then((m) => ({ default: m.OrdersRoute }))),
  },
  {
    key: "figures",
    icon: <BarChartOutlined />,
    label: "nav.figures",
    allowed: anyOf(REPORT_ABILITY.viewAll, REPORT_ABILITY.viewOwn),
    Page: lazy(() => import("../features/figures/FiguresPage").then((m) => ({ default: m.FiguresPage }))),
  },
  {
    key: "aftersales",
    icon: <SafetyCertificateOutlined />,
    label: "nav.aftersales",
    allowed: anyOf("aftersales.handle"),
    Page: lazy(() => import("../features/aftersales/AftersalesPage").then((m) => ({ default: m.AftersalesPage }))),
  },
  {
    key: "promotions",
    icon: <GiftOutlined />,
    label: "nav.promotions",
    // Every agent reads the promotions (and tries baskets); owners and supervisors change them.
    allowed: anyOf("conversations.reply", "promotions.manage"),
    Page: lazy(() => import("../features/promotions/PromotionsPage").then((m) => ({ default: m.PromotionsPage }))),
  },
  {
    key: "catalog",
    icon: <AppstoreOutlined />,
    label: "nav.catalog",
    // Every agent looks up products and real stock; owners and supervisors (products.manage) change them.
    allowed: anyOf("products.view"),
    Page: lazy(() => import("../features/catalog/CatalogPage").then((m) => ({ default: m.CatalogPage }))),
  },
  {
    key: "knowledge",
    icon: <ReadOutlined />,
    label: "nav.knowledge",
    // Every agent reads the FAQ and follows their proposals; owners and supervisors curate it.
    allowed: anyOf("conversations.reply", "faq.manage"),
    Page: lazy(() => import("../features/knowledge/KnowledgePage").then((m) => ({ default: m.KnowledgePage }))),
  },
  {
    key: "reviews",
    icon: <CommentOutlined />,
    label: "nav.reviews",
    // Everyone reads reviews; the follow-up tab is for those who answer them (after-sales, supervisors, owners).
    allowed: anyOf("reviews.view"),
    Page: lazy(() => import("../features/reviews/ReviewsPage").then((m) => ({ default: m.ReviewsPage }))),
  },
  {
    key: "credit",
    icon: <TrophyOutlined />,
    label: "nav.credit",
    // The shop's credit is public on the platform; every agent may see it.
    allowed: anyOf("reviews.view"),
    Page: lazy(() => import("../features/credit/CreditPage").then((m) => ({ default: m.CreditPage }))),
  },
];
