"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { usePathname, useRouter } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";
import { sloDetailQuery, sloHistoryQuery } from "@/lib/queries/slos";
import { humanDuration } from "@/lib/slo/duration";
import { BURN_WINDOWS } from "@/lib/slo/model";
import type { SloDetail, SloRow } from "@/lib/slo/server";
import { eventsLeftText, formatBurn, formatPercent, rowHealth } from "@/lib/slo/view";
import { SloActions } from "./slo-actions";
import { BudgetBar, BurnBadge, FlagBadges, HealthBadge, windowDays } from "./slo-badges";

export interface SloDetailViewProps {
  id: string;
  group?: string;
  /** Editors may edit and delete SLOs stored in the console. */
  canEdit: boolean;
}

const SLI_KIND: Record<SloDetail["slo"]["sliKind"], string> = {
  ratio: "ratio of counters",
  latency: "latency (histogram buckets)",
  bool: "share of time a condition held",
  events: "events queries (Sloth)",
  raw: "error-ratio query (Sloth)",
};

/** One SLO: figures, burn-rate table, burn-down and SLI over the window, alerts firing, links. */
export function SloDetailView({ id, group, canEdit }: SloDetailViewProps) {
  const query = useQuery(sloDetailQuery(id));
  const router = useRouter();
  const pathname = usePathname();
  return (
    <QueryState query={query} errorTitle="Could not load the SLO" loadingLabel="Loading the SLO" empty={null}>
      {(detail) => {
        const row = detail.rows.find((candidate) => candidate.group?.value === group) ?? detail.rows[0];
        return (
          <div className="space-y-4">
            <header className="flex flex-wrap items-start justify-between gap-3">
              <div>
              <p className="text-xs text-slate-400">
                <Link href="/slos" className="text-info hover:underline">
                  SLOs
                </Link>{" "}
                / {detail.slo.service}
              </p>
              <h1 className="text-lg font-semibold text-white">
                {detail.slo.service} · {detail.slo.name}
              </h1>
              {detail.slo.description ? <p className="text-sm text-slate-300">{detail.slo.description}</p> : null}
              <p className="mt-1 text-xs text-slate-400">
                {formatPercent(detail.slo.objective, 2)} over {detail.slo.windowLabel} · {SLI_KIND[detail.slo.sliKind]}
                {detail.slo.groupBy ? ` · one SLO per ${detail.slo.groupBy}` : ""}
                {detail.slo.datasource ? ` · source ${detail.slo.datasource}` : ""}
              </p>
              </div>
              {canEdit && detail.stored ? <SloActions id={detail.slo.id} version={detail.stored.version} name={`${detail.slo.service} / ${detail.slo.name}`} /> : null}
            </header>
            {detail.slo.groupBy && detail.rows.length > 0 ? (
              <label className="block text-xs text-slate-400">
                {detail.slo.groupBy}
                <select
                  aria-label={detail.slo.groupBy}
                  className="ml-2 rounded border border-edge bg-surface px-2 py-1 text-sm text-white"
                  value={row?.group?.value ?? ""}
                  onChange={(event) => router.replace(`${pathname}?group=${encodeURIComponent(event.target.value)}`, { scroll: false })}
                >
                  {detail.rows.map((candidate) => (
                    <option key={candidate.key} value={candidate.group?.value ?? ""}>
                      {candidate.group?.value ?? "(none)"}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {row ? <Figures row={row} /> : null}
            {row ? <BurnTable row={row} /> : null}
            <HistoryPanels id={id} group={row?.group?.value} objective={detail.slo.objective} />
            <AlertsPanel detail={detail} />
            <LinksPanel detail={detail} />
          </div>
        );
      }}
    </QueryState>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-sm text-white">{children}</dd>
    </div>
  );
}

function Figures({ row }: { row: SloRow }) {
  const left = eventsLeftText(row.eventsLeft, row.sliKind);
  return (
    <Panel title="Error budget">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Status">
          <HealthBadge health={rowHealth(row)} />
        </Figure>
        <Figure label="SLI">{formatPercent(row.sli, 3)}</Figure>
        <Figure label="Budget left">
          <BudgetBar remaining={row.errorBudgetRemaining} />
        </Figure>
        <Figure label="Events left">{left ?? "no data"}</Figure>
        <Figure label="Exhausted in (at the 1h burn rate)">
          {row.timeToExhaustionSeconds === null ? (row.sli === null ? "no data" : "not burning") : humanDuration(row.timeToExhaustionSeconds)}
        </Figure>
        <Figure label="Events in window">{row.totalEvents === null ? "no data" : Math.round(row.totalEvents).toLocaleString("en-US")}</Figure>
      </dl>
      {row.flags.length > 0 ? (
        <div className="mt-3">
          <FlagBadges flags={row.flags} />
        </div>
      ) : null}
    </Panel>
  );
}

function BurnTable({ row }: { row: SloRow }) {
  return (
    <Panel title="Burn rates" description="Multi-window, multi-burn-rate alerting (Google SRE workbook): a condition fires when both its windows burn faster than its threshold.">
      <div className="mb-3 flex flex-wrap gap-3 text-sm">
        {BURN_WINDOWS.map((window) => (
          <span key={window} className="text-slate-300">
            {window} <BurnBadge window={window} rate={row.burnRates[window]} windowDays={windowDays(row.window)} />
          </span>
        ))}
      </div>
      <DataTable columns={[{ label: "Alert" }, { label: "Windows" }, { label: "Threshold", align: "right" }, { label: "Long", align: "right" }, { label: "Short", align: "right" }, { label: "State" }]}>
        {row.conditions.map((condition) => (
          <tr key={`${condition.long}/${condition.short}`}>
            <td className="py-1.5 pr-3">{condition.severity === "page" ? "Page" : "Ticket"}</td>
            <td className="py-1.5 pr-3">
              {condition.long} and {condition.short}
            </td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatBurn(condition.threshold)}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatBurn(condition.longBurn)}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatBurn(condition.shortBurn)}</td>
            <td className="py-1.5">{condition.firing ? <span className="text-rose-300">burning</span> : <span className="text-slate-400">quiet</span>}</td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}

function HistoryPanels({ id, group, objective }: { id: string; group?: string; objective: number }) {
  const query = useQuery(sloHistoryQuery(id));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Burn-down" description="Error budget left over the window, as failures accumulate.">
        <QueryState query={query} errorTitle="Could not load the burn-down" loadingLabel="Loading the burn-down" isEmpty={(data) => data.series.length === 0} empty="No events in the window.">
          {(data) => {
            const series = data.series.find((candidate) => candidate.group === group) ?? data.series[0];
            const rows = (series?.points ?? []).map((point) => ({ t: point.t, remaining: point.remaining === null ? null : point.remaining * 100 }));
            return <TimeSeriesChart label="Error budget left over the window" rows={rows} series={[{ key: "remaining", name: "budget left %", labels: {} }]} formatValue={(value) => `${value.toFixed(1)} %`} />;
          }}
        </QueryState>
      </Panel>
      <Panel title="SLI over time" description={`Good share per step; the objective is ${formatPercent(objective, 2)}.`}>
        <QueryState query={query} errorTitle="Could not load the SLI history" loadingLabel="Loading the SLI history" isEmpty={(data) => data.series.length === 0} empty="No events in the window.">
          {(data) => {
            const series = data.series.find((candidate) => candidate.group === group) ?? data.series[0];
            const rows = (series?.points ?? []).map((point) => ({ t: point.t, sli: point.sli === null ? null : point.sli * 100, objective: objective * 100 }));
            return (
              <TimeSeriesChart
                label="SLI over time"
                rows={rows}
                series={[
                  { key: "sli", name: "SLI %", labels: {} },
                  { key: "objective", name: "objective %", labels: {} },
                ]}
                formatValue={(value) => `${value.toFixed(2)} %`}
              />
            );
          }}
        </QueryState>
      </Panel>
    </div>
  );
}

function AlertsPanel({ detail }: { detail: SloDetail }) {
  return (
    <Panel title="Alerts firing for this SLO">
      {detail.alertsError ? <p role="alert" className="text-sm text-rose-200">Could not ask Alertmanager: {detail.alertsError}</p> : null}
      {detail.alerts.length === 0 && !detail.alertsError ? <p className="text-sm text-slate-400">No alert is firing for this SLO.</p> : null}
      <ul className="space-y-1 text-sm">
        {detail.alerts.map((alert) => (
          <li key={alert.fingerprint} className="flex flex-wrap gap-2">
            <span className="font-medium text-white">{alert.labels.alertname}</span>
            <span className="text-slate-400">{alert.labels.severity}</span>
            <span className="text-slate-300">{alert.summary}</span>
            <span className="text-xs text-slate-500">since {new Date(alert.startsAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function LinksPanel({ detail }: { detail: SloDetail }) {
  const { slo } = detail;
  return (
    <Panel title="Links">
      <ul className="space-y-1 text-sm">
        {slo.runbookUrl ? (
          <li>
            Runbook:{" "}
            <a href={slo.runbookUrl} className="text-info hover:underline">
              {slo.runbookUrl}
            </a>
          </li>
        ) : (
          <li className="text-slate-400">No runbook linked.</li>
        )}
        {slo.dashboards.map((dashboard) => (
          <li key={dashboard.url}>
            Dashboard:{" "}
            <a href={dashboard.url} className="text-info hover:underline">
              {dashboard.title}
            </a>
          </li>
        ))}
        {detail.stored ? (
          <li className="text-slate-400">
            Stored in the console, version {detail.stored.version}: created by {detail.stored.createdBy}, last changed by {detail.stored.updatedBy} at{" "}
            {new Date(detail.stored.updatedAt).toLocaleString()}
          </li>
        ) : (
          <li className="text-slate-400">
            Defined in the file <code className="text-slate-300">{slo.source.file}</code> ({slo.source.format}); read-only here, edit the file.
          </li>
        )}
        {Object.keys(slo.labels).length > 0 ? (
          <li className="text-slate-400">Labels: {Object.entries(slo.labels).map(([name, value]) => `${name}=${value}`).join(", ")}</li>
        ) : null}
      </ul>
    </Panel>
  );
}
