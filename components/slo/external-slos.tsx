import { Link } from "@/components/ui/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDuration } from "@/lib/slo/duration";
import type { ExternalSlo, ExternalSloList } from "@/lib/slo/external";
import { formatBurn, formatPercent } from "@/lib/slo/view";
import { BudgetBar } from "./slo-badges";

export function ToolBadge({ tool }: { tool: ExternalSlo["tool"] }) {
  return (
    <span className="rounded border border-violet-400/50 bg-violet-400/10 px-1.5 py-0.5 text-[11px] font-medium text-violet-200">{tool === "sloth" ? "Sloth" : "Pyrra"}</span>
  );
}

export function externalWindowLabel(seconds: number | null): string {
  return seconds === null ? "window unknown" : formatDuration(seconds);
}

export interface ExternalSlosTableProps {
  list: ExternalSloList;
}

/** The SLOs Sloth and Pyrra record in Prometheus, read-only, each linking to its detail. */
export function ExternalSlosTable({ list }: ExternalSlosTableProps) {
  if (list.error) {
    return (
      <p role="alert" className="text-sm text-amber-100">
        {list.error}
      </p>
    );
  }
  if (list.slos.length === 0) return <p className="py-3 text-sm text-slate-400">Prometheus holds no series recorded by Sloth or Pyrra.</p>;
  return (
    <DataTable
      columns={[{ label: "Tool" }, { label: "SLO" }, { label: "Objective", align: "right" }, { label: "SLI", align: "right" }, { label: "Budget left" }, { label: "Burn rates" }]}
    >
      {list.slos.map((slo) => (
        <tr key={slo.key} aria-label={`${slo.tool} ${slo.name}`}>
          <td className="py-2 pr-3">
            <ToolBadge tool={slo.tool} />
          </td>
          <td className="py-2 pr-3">
            <Link href={`/slos/external/${encodeURIComponent(slo.key)}`} className="text-info hover:underline">
              {slo.name}
            </Link>
            <div className="text-xs text-slate-400">
              {slo.service ? `${slo.service} · ` : ""}
              {externalWindowLabel(slo.windowSeconds)} · read-only
            </div>
          </td>
          <td className="py-2 pr-3 text-right tabular-nums">{formatPercent(slo.objective, 2)}</td>
          <td className="py-2 pr-3 text-right tabular-nums">{formatPercent(slo.sli, 3)}</td>
          <td className="py-2 pr-3">
            <BudgetBar remaining={slo.errorBudgetRemaining} />
          </td>
          <td className="py-2 text-xs text-slate-300">
            {slo.burnRates.map((burn) => `${burn.window} ${formatBurn(burn.rate)}`).join(" · ") || "none recorded"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
