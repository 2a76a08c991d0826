// Figures (业绩分析, CONTRACTS.md §4): `qindesk report` and the dashboards.
export { attributionWindowEnd, reportPeriod, type Period } from "./period";
export { computeAgentFigures, computeFigures, computeFiguresByAgent } from "./figures";
export {
  FIGURE_KEYS,
  type Figures,
  type FiguresConversation,
  type FiguresData,
  type FiguresMessage,
  type FiguresOrder,
  type FiguresQuery,
} from "./types";
