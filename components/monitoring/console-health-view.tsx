"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { formatDuration, formatNumber } from "@/lib/format";
import { CONSOLE_QUERIES } from "@/lib/monitoring/console-health";
import { matrixToChart } from "@/lib/prometheus/transform";
import { consoleHealthQuery } from "@/lib/queries/monitoring";
import { rangeQuery } from "@/lib/queries/prometheus";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";

const RANGE_SECONDS = 3600;
const STEP_SECONDS = 15;

function seconds(value: number | null): string {
  return value === null ? "—" : formatDuration(value);
}

/** The console's own health: its registry since start, and its series as Prometheus scraped them. */
export function ConsoleHealthView() {
  const { interval } = useRefresh();
  const query = useQuery(consoleHealthQuery(interval));
  return (
    <div className="space-y-4">
      <Panel title="This console process" description="From its own /metrics registry since it started: works even when Prometheus is down.">
        <QueryState query={query} errorTitle="Could not read the console's metrics" loadingLabel="Loading the console's metrics" isEmpty={(health) => health.routes.length === 0 && health.upstreams.length === 0} empty="No API request has been served yet.">
          {(health) => (
            <div className="space-y-4">
              <p className="text-xs text-slate-400">
                {health.process.startTimeSeconds ? `Up ${formatDuration(query.dataUpdatedAt / 1000 - health.process.startTimeSeconds)}` : ""}
                {health.process.residentMemoryBytes ? ` · ${formatNumber(health.process.residentMemoryBytes / 1024 / 1024)} MiB resident` : ""}
                {health.process.cpuSecondsTotal !== null ? ` · ${formatDuration(health.process.cpuSecondsTotal)} CPU` : ""}
              </p>
              <section aria-label="Upstream calls">
                <h3 className="mb-1 text-sm font-medium text-slate-200">Upstream calls</h3>
                <DataTable columns={[{ label: "Upstream" }, { label: "Instance" }, { label: "Requests", align: "right" }, { label: "Errors", align: "right" }, { label: "Mean", align: "right" }, { label: "p95", align: "right" }]}>
                  {health.upstreams.map((upstream) => (
                    <tr key={`${upstream.upstream}|${upstream.instance}`}>
                      <td className="py-1 pr-3 text-white">{upstream.upstream}</td>
                      <td className="py-1 pr-3 text-xs text-slate-400">{upstream.instance}</td>
                      <td className="py-1 pr-3 text-right">{upstream.requests.toLocaleString("en-US")}</td>
                      <td className={`py-1 pr-3 text-right ${upstream.errors > 0 ? "text-rose-300" : ""}`}>
                        {upstream.errors.toLocaleString("en-US")}
                        {upstream.errors > 0 ? (
                          <span className="block text-xs text-rose-300/80">
                            {Object.entries(upstream.errorsByKind)
                              .map(([kind, count]) => `${kind} ${count}`)
                              .join(", ")}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-1 pr-3 text-right">{seconds(upstream.meanSeconds)}</td>
                      <td className="py-1 text-right">{seconds(upstream.p95Seconds)}</td>
                    </tr>
                  ))}
                </DataTable>
              </section>
              <section aria-label="Requests by route">
                <h3 className="mb-1 text-sm font-medium text-slate-200">Requests by route</h3>
                <DataTable columns={[{ label: "Route" }, { label: "Method" }, { label: "Requests", align: "right" }, { label: "5xx", align: "right" }, { label: "4xx", align: "right" }, { label: "Mean", align: "right" }, { label: "p95", align: "right" }]}>
                  {health.routes.map((route) => (
                    <tr key={`${route.route}|${route.method}`}>
                      <td className="py-1 pr-3 text-white">{route.route}</td>
                      <td className="py-1 pr-3 text-xs text-slate-400">{route.method}</td>
                      <td className="py-1 pr-3 text-right">{route.requests.toLocaleString("en-US")}</td>
                      <td className={`py-1 pr-3 text-right ${route.errors > 0 ? "text-rose-300" : ""}`}>{route.errors.toLocaleString("en-US")}</td>
                      <td className="py-1 pr-3 text-right">{route.refused.toLocaleString("en-US")}</td>
                      <td className="py-1 pr-3 text-right">{seconds(route.meanSeconds)}</td>
                      <td className="py-1 text-right">{seconds(route.p95Seconds)}</td>
                    </tr>
                  ))}
                </DataTable>
              </section>
            </div>
          )}
        </QueryState>
      </Panel>
      <div className="grid gap-4 lg:grid-cols-2">
        <ConsoleChart title="Requests per second by route" query={CONSOLE_QUERIES.requestRate} legend="{{route}}" unit="/s" refetchInterval={interval} />
        <ConsoleChart title="5xx answers per second by route" query={CONSOLE_QUERIES.errorRate} legend="{{route}}" unit="/s" refetchInterval={interval} emptyText="No 5xx answers in the last hour." />
        <ConsoleChart title="Upstream latency, p95" query={CONSOLE_QUERIES.upstreamP95} legend="{{upstream}}" unit="s" refetchInterval={interval} />
        <ConsoleChart title="Upstream errors per second" query={CONSOLE_QUERIES.upstreamErrors} legend="{{upstream}} {{kind}}" unit="/s" refetchInterval={interval} emptyText="No upstream errors in the last hour." />
      </div>
    </div>
  );
}

interface ConsoleChartProps {
  title: string;
  query: string;
  legend: string;
  unit: string;
  refetchInterval: number | false;
  emptyText?: string;
}

function ConsoleChart({ title, query: expr, legend, unit, refetchInterval, emptyText }: ConsoleChartProps) {
  const query = useQuery(rangeQuery(expr, RANGE_SECONDS, STEP_SECONDS, refetchInterval));
  const chart = useMemo(() => (query.data ? matrixToChart(query.data.data, legend) : undefined), [query.data, legend]);
  return (
    <Panel title={title} description='As Prometheus scraped the console (job "vigil"), last hour'>
      <QueryState
        query={query}
        errorTitle="Could not query Prometheus"
        loadingLabel={`Loading ${title.toLowerCase()}`}
        isEmpty={() => !chart || chart.series.length === 0}
        empty={emptyText ?? 'Prometheus has no series for job "vigil": add a scrape job for the console (see deploy/prometheus/prometheus.example.yml).'}
      >
        {() => (chart ? <TimeSeriesChart rows={chart.rows} series={chart.series} height={200} label={title} formatValue={(value) => `${formatNumber(value)}${unit}`} /> : null)}
      </QueryState>
    </Panel>
  );
}
