"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { PanelError } from "@/components/ui/panel";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";
import { formatNumber } from "@/lib/format";
import { hasDrawableValue } from "@/lib/prometheus/chart-marks";
import { matrixToChart } from "@/lib/prometheus/transform";
import { rangeQuery } from "@/lib/queries/prometheus";
import { missingVariables, substituteVariables } from "@/lib/runbooks/live";

export interface PromqlBlockProps {
  /** The block's PromQL as written in the runbook. */
  source: string;
  /** The alert's labels, for $label variables. */
  variables: Readonly<Record<string, string>>;
}

const RANGE_SECONDS = 3600;
const STEP_SECONDS = 60;
const REFRESH_MS = 30_000;

/** A ```promql block, live: the last hour as a small chart with the current value, and the query on request. */
export function PromqlBlock({ source, variables }: PromqlBlockProps) {
  const [showQuery, setShowQuery] = useState(false);
  const queryId = useId();
  const query = substituteVariables(source.trim(), variables);
  const missing = missingVariables(source, variables);
  const result = useQuery({ ...rangeQuery(query, RANGE_SECONDS, STEP_SECONDS, REFRESH_MS), enabled: missing.length === 0 && query !== "" });
  const chart = useMemo(() => (result.data ? matrixToChart(result.data.data, undefined, { stepSeconds: STEP_SECONDS }) : undefined), [result.data]);
  const latest = useMemo(() => {
    if (!chart || chart.series.length !== 1) return undefined;
    for (let index = chart.rows.length - 1; index >= 0; index -= 1) {
      const value = chart.rows[index]?.[chart.series[0]?.key ?? ""];
      if (typeof value === "number") return value;
    }
    return undefined;
  }, [chart]);

  return (
    <section aria-label="Live query" className="my-3 rounded border border-edge bg-slate-950/40 p-3 not-prose">
      <div className="mb-2 flex items-center justify-between gap-2 text-xs text-slate-400">
        <span>
          Live · last hour
          {latest !== undefined ? (
            <>
              {" · now "}
              <strong data-testid="promql-value" className="text-base text-white">
                {formatNumber(latest)}
              </strong>
            </>
          ) : null}
        </span>
        <button
          type="button"
          aria-expanded={showQuery}
          aria-controls={queryId}
          onClick={() => setShowQuery((shown) => !shown)}
          className="rounded border border-edge px-2 py-0.5 text-slate-300 hover:text-white"
        >
          {showQuery ? "Hide query" : "Show query"}
        </button>
      </div>
      <pre id={queryId} hidden={!showQuery} className="mb-2 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-200">
        <code>{query}</code>
      </pre>
      {missing.length > 0 ? (
        <p className="text-sm text-slate-400">
          This query needs {missing.map((name) => `$${name}`).join(", ")}: open the runbook from an alert that has {missing.length === 1 ? "that label" : "those labels"}.
        </p>
      ) : result.isPending ? (
        <div role="status" aria-label="Loading live query" className="h-[120px] animate-pulse rounded bg-edge/50" />
      ) : (
        <>
          {result.isError ? <PanelError title="Prometheus did not answer this query" message={result.error.message} /> : null}
          {chart && chart.series.length === 0 ? (
            <p className="py-4 text-center text-sm text-slate-400">No data: nothing matches this query in the last hour.</p>
          ) : chart && !hasDrawableValue(chart.rows, chart.series.map((series) => series.key)) ? (
            <p className="py-4 text-center text-sm text-slate-400">
              No data to draw: {chart.series.length === 1 ? "the series has" : `the ${chart.series.length} series have`} only NaN or infinite values in the last hour.
            </p>
          ) : chart ? (
            <div className={result.isError ? "opacity-50" : undefined}>
              <TimeSeriesChart rows={chart.rows} series={chart.series.slice(0, 10)} height={140} label={`Live chart of ${query}`} />
              {chart.series.length > 10 ? <p className="text-xs text-slate-500">Showing 10 of {chart.series.length} series.</p> : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
