"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useMemo, useState } from "react";
import { formatNumber } from "@/lib/format";
import { CHURN_QUERY, DEFAULT_TOP_LIMIT, HEAD_SERIES_QUERY, LIMIT_OPTIONS, shareOf, TOPK_METRICS_QUERY } from "@/lib/monitoring/cardinality";
import { exploreHref } from "@/lib/monitoring/rules";
import type { NameCount } from "@/lib/prometheus/types";
import { matrixToChart } from "@/lib/prometheus/transform";
import { cardinalityQuery, topMetricsQuery } from "@/lib/queries/monitoring";
import { rangeQuery } from "@/lib/queries/prometheus";
import { Panel, PanelError, PanelLoading } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";
import { useSearchParam } from "./use-search-param";

const CHURN_RANGE_SECONDS = 6 * 3600;
const CHURN_STEP_SECONDS = 60;
const TOPK_TIMEOUT_SECONDS = 20;

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Which metrics and labels make the series, from the TSDB status endpoint (no full scan). */
export function CardinalityView() {
  const { interval } = useRefresh();
  const [limitParam, setLimit] = useSearchParam("limit");
  const limit = LIMIT_OPTIONS.find((option) => String(option) === limitParam) ?? DEFAULT_TOP_LIMIT;
  const [source] = useSearchParam("source");
  const query = useQuery(cardinalityQuery(limit, interval, source || undefined));
  return (
    <div className="space-y-4">
      <Panel
        title="Head block"
        description="Series Prometheus holds in memory now (the last two hours or so)"
        actions={
          <label className="flex items-center gap-2 text-xs text-slate-400">
            Entries per list
            <select value={limit} onChange={(event) => setLimit(event.target.value === String(DEFAULT_TOP_LIMIT) ? undefined : event.target.value)} className="rounded border border-edge bg-surface px-2 py-1 text-slate-200">
              {LIMIT_OPTIONS.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        }
      >
        <QueryState query={query} errorTitle="Could not load the TSDB status from Prometheus" loadingLabel="Loading cardinality" isEmpty={(view) => view.headSeries === 0} empty="The head block is empty: Prometheus has not ingested any series yet.">
          {(view) => (
            <div className="space-y-4">
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <Stat label="Head series" value={view.headSeries === null ? "—" : view.headSeries.toLocaleString("en-US")} />
                <Stat label="Label pairs" value={view.labelPairs === null ? "—" : view.labelPairs.toLocaleString("en-US")} />
                <Stat label="Chunks" value={view.chunks === null ? "—" : view.chunks.toLocaleString("en-US")} />
                <Stat label="Head covers" value={view.minTime !== null && view.maxTime !== null ? `${new Date(view.minTime).toLocaleTimeString()} – ${new Date(view.maxTime).toLocaleTimeString()}` : "—"} />
              </dl>
              {!view.limitHonoured ? (
                <p className="rounded border border-edge bg-surface px-3 py-2 text-xs text-slate-300">
                  This Prometheus ignores <code>limit</code> (it needs 2.47 or later): each list shows its top 10.
                </p>
              ) : null}
              {view.warnings.length > 0 ? (
                <section aria-label="Labels that look like IDs" className="rounded border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
                  <h3 className="font-medium text-amber-200">Labels that look like IDs</h3>
                  <p className="mb-1 text-xs text-amber-100/80">Every distinct value makes new series. Move IDs to logs or traces, or drop the label with relabelling.</p>
                  <ul className="space-y-0.5 text-xs">
                    {view.warnings.map((warning) => (
                      <li key={warning.label}>
                        <code className="text-amber-100">{warning.label}</code>: {warning.reason}
                        {warning.example ? <span className="text-amber-100/70"> (e.g. {warning.example})</span> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <div className="grid gap-4 lg:grid-cols-2">
                <TopList title="Metrics with the most series" entries={view.metrics} total={view.headSeries} format={(value) => `${value.toLocaleString("en-US")} series`} link={(name) => exploreHref(`count({__name__=${JSON.stringify(name)}}) by (job)`)} />
                <TopList title="Labels with the most values" entries={view.labels} total={null} format={(value) => `${value.toLocaleString("en-US")} values`} />
                <TopList title="Label pairs with the most series" entries={view.pairs} total={view.headSeries} format={(value) => `${value.toLocaleString("en-US")} series`} />
                <TopList title="Labels using the most memory" entries={view.memory} total={null} format={formatBytes} />
              </div>
            </div>
          )}
        </QueryState>
      </Panel>
      <ChurnPanel refetchInterval={interval} />
      <TopMetricsPanel />
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded border border-edge bg-surface/60 px-3 py-2">
      <dt className="text-xs text-slate-400">{label}</dt>
      <dd className="text-base font-semibold text-white">{value}</dd>
    </div>
  );
}

interface TopListProps {
  title: string;
  entries: NameCount[];
  /** Bars are relative to this, or to the largest entry. */
  total: number | null;
  format: (value: number) => string;
  link?: (name: string) => string;
}

function TopList({ title, entries, total, format, link }: TopListProps) {
  const largest = Math.max(1, ...entries.map((entry) => entry.value));
  return (
    <section aria-label={title}>
      <h3 className="mb-1 text-sm font-medium text-slate-200">{title}</h3>
      {entries.length === 0 ? (
        <p className="text-xs text-slate-500">Nothing listed.</p>
      ) : (
        <ol className="space-y-1 text-xs">
          {entries.map((entry) => (
            <li key={entry.name} className="relative overflow-hidden rounded bg-surface/60 px-2 py-1">
              <span aria-hidden className="absolute inset-y-0 left-0 bg-info/15" style={{ width: `${Math.max(1, shareOf(entry.value, total ?? largest) * 100)}%` }} />
              <span className="relative flex justify-between gap-3">
                {link ? (
                  <Link href={link(entry.name)} prefetch={false} className="truncate text-sky-200 hover:underline">
                    {entry.name}
                  </Link>
                ) : (
                  <span className="truncate text-slate-200">{entry.name}</span>
                )}
                <span className="shrink-0 text-slate-400">
                  {format(entry.value)}
                  {total ? ` · ${(shareOf(entry.value, total) * 100).toFixed(1)}%` : ""}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ChurnPanel({ refetchInterval }: { refetchInterval: number | false }) {
  const churn = useQuery(rangeQuery(CHURN_QUERY, CHURN_RANGE_SECONDS, CHURN_STEP_SECONDS, refetchInterval));
  const head = useQuery(rangeQuery(HEAD_SERIES_QUERY, CHURN_RANGE_SECONDS, CHURN_STEP_SECONDS, refetchInterval));
  const churnChart = useMemo(() => (churn.data ? matrixToChart(churn.data.data, "{{series}}") : undefined), [churn.data]);
  const headChart = useMemo(() => (head.data ? matrixToChart(head.data.data, "head series") : undefined), [head.data]);
  return (
    <Panel title="Series churn" description="Series created and removed per second, and series in the head, over the last 6 hours (from Prometheus's own metrics)">
      <div className="grid gap-4 lg:grid-cols-2">
        <QueryState query={churn} errorTitle="Could not query series churn" loadingLabel="Loading series churn" isEmpty={() => !churnChart || churnChart.series.length === 0} empty="No prometheus_tsdb_head_series_created_total samples: does Prometheus scrape itself?">
          {() => (churnChart ? <TimeSeriesChart rows={churnChart.rows} series={churnChart.series} height={200} label="Series created and removed per second" formatValue={(value) => `${formatNumber(value)}/s`} /> : null)}
        </QueryState>
        <QueryState query={head} errorTitle="Could not query head series" loadingLabel="Loading head series" isEmpty={() => !headChart || headChart.series.length === 0} empty="No prometheus_tsdb_head_series samples: does Prometheus scrape itself?">
          {() => (headChart ? <TimeSeriesChart rows={headChart.rows} series={headChart.series} height={200} label="Series in the head block" /> : null)}
        </QueryState>
      </div>
    </Panel>
  );
}

function TopMetricsPanel() {
  const [requested, setRequested] = useState(false);
  const [source] = useSearchParam("source");
  const query = useQuery({ ...topMetricsQuery(TOPK_TIMEOUT_SECONDS, source || undefined), enabled: requested });
  return (
    <Panel
      title="Top 10 metrics by a full count"
      description={`${TOPK_METRICS_QUERY}: reads every series, so it runs only when asked, with a ${TOPK_TIMEOUT_SECONDS}s timeout`}
      actions={
        <button
          type="button"
          onClick={() => (requested ? void query.refetch() : setRequested(true))}
          disabled={query.isFetching}
          className="rounded border border-edge px-3 py-1 text-xs text-slate-200 hover:text-white disabled:opacity-50"
        >
          {query.isFetching ? "Counting…" : requested ? "Count again" : "Run the full count"}
        </button>
      }
    >
      {!requested ? <p className="text-sm text-slate-400">Not run yet. The lists above come from the TSDB status and are usually enough.</p> : null}
      {requested && query.isPending ? <PanelLoading label="Counting series" /> : null}
      {query.isError ? <PanelError title="The full count failed" message={query.error.message} /> : null}
      {query.data ? (
        <>
          <ol aria-label="Top 10 metrics by series" className="space-y-0.5 text-sm">
            {query.data.metrics.map((metric) => (
              <li key={metric.name} className="flex justify-between gap-3">
                <span className="truncate text-slate-200">{metric.name}</span>
                <span className="text-slate-400">{metric.series.toLocaleString("en-US")} series</span>
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-slate-500">Took {query.data.tookMs} ms.</p>
          {query.data.warnings.length > 0 ? <p className="text-xs text-amber-300">Prometheus warned: {query.data.warnings.join("; ")}</p> : null}
        </>
      ) : null}
    </Panel>
  );
}
