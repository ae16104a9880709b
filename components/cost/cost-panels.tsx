"use client";

import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";
import type { CostOverview } from "@/lib/cost/fetch-cost";
import { formatPct, formatPerHour, formatUsd } from "@/lib/cost/format";
import { costOverviewQuery } from "@/lib/queries/cost";
import { BudgetsEditor } from "./budgets-editor";
import { PricesEditor } from "./prices-editor";
import { SpendTable } from "./spend-table";
import { Stat } from "./stat";

export interface CostPanelsProps {
  canEdit: boolean;
}

const ERROR_TITLE = "Could not compute costs";
const NO_SPEND = "No spend yet: Prometheus has no token counters with a price (cost_usd_per_1k_tokens, or the price table).";

/** The cost page: every panel reads one overview, computed on the server at one instant. */
export function CostPanels({ canEdit }: CostPanelsProps) {
  const { interval } = useRefresh();
  const query = useQuery(costOverviewQuery(interval));
  const state = (loadingLabel: string, isEmpty: (data: CostOverview) => boolean, empty: string, render: (data: CostOverview) => React.ReactNode) => (
    <QueryState query={query} errorTitle={ERROR_TITLE} loadingLabel={loadingLabel} isEmpty={isEmpty} empty={empty}>
      {render}
    </QueryState>
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Spend" description="All tenants and models, at the platforms' prices" className="lg:col-span-2">
        {state(
          "Loading spend",
          () => false,
          "",
          (data) => (
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat label="Spend rate" value={`${formatUsd(data.totals.ratePerHour)}/h`} hint="last 5 minutes" />
              <Stat label="Month to date" value={formatUsd(data.totals.monthToDate)} hint={`${data.month.label} (UTC)`} />
              <Stat label="Forecast for the month" value={formatUsd(data.totals.forecast)} hint="month to date + last hour's rate × hours left" />
              <Stat label="Run rate for the month" value={formatUsd(data.totals.runRateMonth)} hint="last hour's rate × hours in the month (what the budget alert uses)" />
            </dl>
          ),
        )}
      </Panel>
      <Panel title="Spend by tenant" description="Budgets alert (TenantSpendForecastOverBudget) when the run rate passes them">
        {state("Loading spend by tenant", (data) => data.byTenant.length === 0, NO_SPEND, (data) => (
          <SpendTable groupLabel="Tenant" groups={data.byTenant} showBudget />
        ))}
      </Panel>
      <Panel title="Spend by model">
        {state("Loading spend by model", (data) => data.byModel.length === 0, NO_SPEND, (data) => (
          <SpendTable groupLabel="Model" groups={data.byModel} />
        ))}
      </Panel>
      <Panel title="Spend by team" description="Tenants grouped by the team on their budget">
        {state("Loading spend by team", (data) => data.byTeam.length === 0, NO_SPEND, (data) => (
          <SpendTable groupLabel="Team" groups={data.byTeam} showBudget />
        ))}
      </Panel>
      <Panel title="Cost per 1K tokens" description="Per model, input and output; the source column says where each figure comes from">
        {state("Loading cost per 1K tokens", (data) => data.perToken.length === 0, "No token counters in Prometheus yet.", (data) => (
          <DataTable columns={[{ label: "Model" }, { label: "Input", align: "right" }, { label: "Output", align: "right" }, { label: "Source" }]}>
            {data.perToken.map((row) => (
              <tr key={row.model}>
                <td className="py-1.5 pr-3 text-slate-200">
                  {row.model}
                  <span className="block text-xs text-slate-500">
                    {formatPerHour(row.inputTokensPerHour, "in")} · {formatPerHour(row.outputTokensPerHour, "out")}
                  </span>
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(row.inputPer1k)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(row.outputPer1k)}</td>
                <td className="py-1.5 text-xs text-slate-400">{row.detail}</td>
              </tr>
            ))}
          </DataTable>
        ))}
      </Panel>
      <Panel title="GPU cost" description="GPU-hours from gpu_hours_total at OpenCost's node_gpu_hourly_cost">
        {state("Loading GPU cost", () => false, "", (data) => (
          <>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
              <Stat label="GPUs allocated" value={data.gpu.gpusInUse.toFixed(1)} hint={`${formatUsd(data.gpu.gpuCostPerHour)}/h`} />
              <Stat label="GPU-hours this month" value={data.gpu.gpuHoursMonth.toFixed(1)} hint={formatUsd(data.gpu.gpuCostMonth)} />
              <Stat label="Fleet GPU price" value={`${formatUsd(data.gpu.fleetHourlyUsd)}/h`} hint="every GPU reported × its node's price" />
              <Stat label="Idle GPU cost" value={`${formatUsd(data.gpu.idleHourlyUsd)}/h`} hint={`${data.gpu.idleGpus.length} GPUs under ${data.gpu.idleBelowPct} % activity`} />
              <Stat label="Spot savings this month" value={formatUsd(data.gpu.spotSavingsMonth)} hint={`${formatUsd(data.gpu.spotSavingsPerHour)}/h on ${data.gpu.spotNodes.join(", ") || "no spot nodes"}`} />
            </dl>
            {data.gpu.idleGpus.length > 0 ? (
              <div className="mt-3">
                <DataTable columns={[{ label: "Idle GPU" }, { label: "Activity", align: "right" }, { label: "Cost", align: "right" }]}>
                  {data.gpu.idleGpus.map((gpu) => (
                    <tr key={gpu.key}>
                      <td className="py-1.5 pr-3">{gpu.key}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{formatPct(gpu.utilPct, 1)}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatUsd(gpu.hourlyUsd)}/h</td>
                    </tr>
                  ))}
                </DataTable>
              </div>
            ) : (
              <p className="mt-3 text-xs text-slate-400">No allocated GPU is under {data.gpu.idleBelowPct} % activity.</p>
            )}
          </>
        ))}
      </Panel>
      <Panel title="$ per good request" description="Each model's spend per hour ÷ the good events of its success SLI per hour" className="lg:col-span-2">
        {state("Loading $ per good request", (data) => data.perGoodRequest.length === 0, "No request counters in Prometheus yet.", (data) => (
          <DataTable columns={[{ label: "Model" }, { label: "$ per good request", align: "right" }, { label: "Cost", align: "right" }, { label: "Good requests", align: "right" }, { label: "Good events" }, { label: "Cost source" }]}>
            {data.perGoodRequest.map((row) => (
              <tr key={row.model}>
                <td className="py-1.5 pr-3 text-slate-200">{row.model}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(row.usdPerGoodRequest)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{row.costPerHour === null ? "—" : `${formatUsd(row.costPerHour)}/h`}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatPerHour(row.goodPerHour, "req")}</td>
                <td className="py-1.5 pr-3 text-xs text-slate-400">{row.goodEvents}</td>
                <td className="py-1.5 text-xs text-slate-400">{row.costSource}</td>
              </tr>
            ))}
          </DataTable>
        ))}
      </Panel>
      <Panel title="Budgets" description={canEdit ? "Monthly budget per tenant; admins edit, every change is audited" : "Monthly budget per tenant (admins edit)"}>
        <BudgetsEditor canEdit={canEdit} />
      </Panel>
      <Panel title="Price table" description="Token prices for models without a platform cost metric (API-priced or self-hosted)">
        <PricesEditor canEdit={canEdit} />
      </Panel>
    </div>
  );
}
