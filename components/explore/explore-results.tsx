"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { QueryState } from "@/components/ui/query-state";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";
import { instantRows, type QueryWindow } from "@/lib/explore/results";
import { matrixToChart } from "@/lib/prometheus/transform";
import { exploreInstantQuery, exploreRangeQuery } from "@/lib/queries/explore";

/** More series than this make a chart nobody can read (and slow to draw); the rest are counted, not drawn. */
const MAX_CHART_SERIES = 100;

function Warnings({ warnings }: { warnings: string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <ul className="mb-2 rounded border border-warning/40 bg-warning/10 px-3 py-2 text-xs text-amber-200">
      {warnings.map((warning) => (
        <li key={warning}>Prometheus warns: {warning}</li>
      ))}
    </ul>
  );
}

export function ExploreGraph({ expr, window, source }: { expr: string; window: QueryWindow; source?: string }) {
  const query = useQuery(exploreRangeQuery(expr, window.start, window.end, window.step, source));
  const chart = useMemo(() => {
    if (!query.data) return undefined;
    const result = query.data.data.result;
    return {
      total: result.length,
      data: matrixToChart(result.slice(0, MAX_CHART_SERIES), undefined, { stepSeconds: window.step, startSeconds: window.start, endSeconds: window.end }),
    };
  }, [query.data, window]);
  return (
    <QueryState query={query} errorTitle="The query failed" loadingLabel="Running the query" isEmpty={(data) => data.data.result.length === 0} empty="The query returned no series in this range.">
      {(data) => (
        <>
          <Warnings warnings={data.warnings} />
          {chart ? (
            <>
              <TimeSeriesChart rows={chart.data.rows} series={chart.data.series} label={`Result of ${expr}`} height={320} />
              <p className="mt-2 text-xs text-slate-400">
                {chart.total} series{chart.total > MAX_CHART_SERIES ? `, the first ${MAX_CHART_SERIES} drawn (narrow the query to see the others)` : ""}; step {window.step}s.
              </p>
            </>
          ) : null}
        </>
      )}
    </QueryState>
  );
}

export function ExploreTable({ expr, time, source }: { expr: string; time: number; source?: string }) {
  const query = useQuery(exploreInstantQuery(expr, time, source));
  return (
    <QueryState
      query={query}
      errorTitle="The query failed"
      loadingLabel="Running the query"
      isEmpty={(data) => instantRows(data.data).length === 0}
      empty="The query returned no series at this time."
    >
      {(data) => {
        const rows = instantRows(data.data);
        return (
          <>
            <Warnings warnings={data.warnings} />
            <DataTable columns={[{ label: "Series" }, { label: "Value", align: "right" }]}>
              {rows.map((row) => (
                <tr key={row.key} className="align-top">
                  <td className="break-all py-1.5 pr-3 font-mono text-xs text-slate-200">{row.series}</td>
                  <td className="whitespace-pre py-1.5 text-right font-mono text-xs text-white">{row.value}</td>
                </tr>
              ))}
            </DataTable>
            <p className="mt-2 text-xs text-slate-400">
              {rows.length} result{rows.length === 1 ? "" : "s"} at {new Date(time * 1000).toLocaleString()}.
            </p>
          </>
        );
      }}
    </QueryState>
  );
}
