// `qindesk report --shop ID --from YYYY-MM-DD --to YYYY-MM-DD [--agent ID] [--json]`
// (CONTRACTS §4): the figures from the database, the same code as the dashboards.
import { FIGURE_KEYS, type Figures } from "../../modules/analytics";
import { ReportInputError, shopReport, type ShopReport } from "../../modules/analytics/report.service";
import { parseCommandArgs } from "../args";
import { CliError } from "../cli-error";
import type { Command } from "../main";
import { openStore } from "../open-store";

const LABELS: Record<keyof Figures, string> = {
  inquiringBuyers: "inquiring buyers (询单人数)",
  orderingBuyers: "ordering buyers",
  payingBuyers: "paying buyers (最终付款人数)",
  inquiryToOrderRate: "inquiry → order rate",
  inquiryToPaymentRate: "inquiry → payment rate (询单→付款转化率)",
  replyRate: "reply rate (回复率)",
  avgFirstResponseSeconds: "avg first response",
  avgResponseSeconds: "avg response",
  sales: "sales (客服销售额)",
  orders: "orders",
  salesPerBuyer: "sales per buyer (客单价)",
  salesPerOrder: "sales per order (笔单价)",
};

function show(key: keyof Figures, value: number | null): string {
  if (value === null) return "–";
  if (key.endsWith("Rate")) return `${(value * 100).toFixed(2)}%`;
  if (key.endsWith("Seconds")) return `${value.toFixed(1)} s`;
  if (key === "sales" || key.startsWith("salesPer")) return value.toFixed(2);
  return String(value);
}

/** Uses display width: CJK labels take two columns each. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return width;
}

export function formatReport(report: ShopReport): string {
  const shopName = `${report.shop.name} (${report.shop.externalId ?? report.shop.id})`;
  const who = report.agent ? `, agent ${report.agent.name} (${report.agent.externalId ?? report.agent.id})` : "";
  const lines = [`${shopName}${who}: ${report.from} to ${report.to}, ${report.shop.timezone}`];
  const width = Math.max(...FIGURE_KEYS.map((key) => displayWidth(LABELS[key])));
  for (const key of FIGURE_KEYS) {
    const label = LABELS[key];
    lines.push(`  ${label}${" ".repeat(width - displayWidth(label))}  ${show(key, report.figures[key]).padStart(12)}`);
  }
  return lines.join("\n");
}

export const command: Command = {
  summary: "shop or agent figures for a period (inquiries, conversion, response times, sales)",
  usage: "report --shop ID --from YYYY-MM-DD --to YYYY-MM-DD [--agent ID] [--json]",
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      { shop: { type: "string" }, from: { type: "string" }, to: { type: "string" }, agent: { type: "string" }, workspace: { type: "string" }, json: { type: "boolean" } },
      false,
    );
    for (const name of ["shop", "from", "to"] as const) {
      if (!values[name]) throw new CliError(`--${name} is required (usage: qindesk ${command.usage})`, 2);
    }
    for (const name of ["from", "to"] as const) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values[name]!)) throw new CliError(`--${name} "${values[name]}" is not a date (YYYY-MM-DD)`, 2);
    }
    const database = await openStore("report");
    try {
      const report = await shopReport(database.db, {
        shop: values.shop!,
        from: values.from!,
        to: values.to!,
        ...(values.agent !== undefined && { agent: values.agent }),
        ...(values.workspace !== undefined && { workspaceId: values.workspace }),
      });
      process.stdout.write(`${values.json ? JSON.stringify(report.figures) : formatReport(report)}\n`);
      return 0;
    } catch (err) {
      if (err instanceof ReportInputError) throw new CliError(err.message);
      throw err;
    } finally {
      await database.close();
    }
  },
};
