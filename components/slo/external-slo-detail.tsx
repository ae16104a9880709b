import { Link } from "@/components/ui/link";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import type { ExternalSlo } from "@/lib/slo/external";
import { formatBurn, formatPercent } from "@/lib/slo/view";
import { externalWindowLabel, ToolBadge } from "./external-slos";
import { BudgetBar } from "./slo-badges";

export interface ExternalSloDetailProps {
  slo: ExternalSlo;
}

/** What a Sloth or Pyrra SLO's recorded series tell: objective, window, SLI, budget left, burn rates. */
export function ExternalSloDetail({ slo }: ExternalSloDetailProps) {
  return (
    <div className="space-y-4">
      <header>
        <p className="text-xs text-slate-400">
          <Link href="/slos" className="text-info hover:underline">
            SLOs
          </Link>{" "}
          / {slo.tool === "sloth" ? "Sloth" : "Pyrra"}
        </p>
        <h1 className="flex items-center gap-2 text-lg font-semibold text-white">
          {slo.service ? `${slo.service} · ` : ""}
          {slo.name} <ToolBadge tool={slo.tool} />
        </h1>
        <p className="mt-1 text-xs text-slate-400">
          {formatPercent(slo.objective, 2)} over {externalWindowLabel(slo.windowSeconds)} · read-only: defined in {slo.tool === "sloth" ? "Sloth" : "Pyrra"} (id {slo.id})
        </p>
      </header>
      <div className="grid gap-4 md:grid-cols-3">
        <Panel title="SLI over the window">
          <p className="text-2xl tabular-nums text-white">{formatPercent(slo.sli, 3)}</p>
        </Panel>
        <Panel title="Error budget left">
          <BudgetBar remaining={slo.errorBudgetRemaining} />
        </Panel>
        <Panel title={slo.tool === "pyrra" ? "Requests and errors (5m)" : "Objective"}>
          {slo.tool === "pyrra" ? (
            <p className="text-sm tabular-nums text-slate-200">
              {slo.requestsPerSecond === null || slo.requestsPerSecond === undefined ? "no data" : `${slo.requestsPerSecond.toPrecision(3)} req/s`} ·{" "}
              {slo.errorsPerSecond === null || slo.errorsPerSecond === undefined ? "no data" : `${slo.errorsPerSecond.toPrecision(3)} errors/s`}
            </p>
          ) : (
            <p className="text-2xl tabular-nums text-white">{formatPercent(slo.objective, 2)}</p>
          )}
        </Panel>
      </div>
      <Panel title="Burn rates" description="Error ratio over each window the tool records, divided by the error budget: 1 spends the budget exactly over the SLO window.">
        {slo.burnRates.length === 0 ? (
          <p className="text-sm text-slate-400">No burn-rate series recorded.</p>
        ) : (
          <DataTable columns={[{ label: "Window" }, { label: "Burn rate", align: "right" }]}>
            {slo.burnRates.map((burn) => (
              <tr key={burn.window} aria-label={`burn rate ${burn.window}`}>
                <td className="py-1.5 pr-3">{burn.window}</td>
                <td className="py-1.5 text-right tabular-nums">{formatBurn(burn.rate)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
      <Panel title="Recorded series">
        <ul className="space-y-0.5 font-mono text-xs text-slate-300">
          {slo.series.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
        {Object.keys(slo.labels).length > 0 ? (
          <p className="mt-2 text-xs text-slate-400">Labels: {Object.entries(slo.labels).map(([name, value]) => `${name}=${value}`).join(", ")}</p>
        ) : null}
      </Panel>
    </div>
  );
}
