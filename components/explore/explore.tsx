"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from "react";
import { Panel, PanelLoading } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { EXPLORE_RANGES, exploreHref, parseExploreParams, parseStepInput, queryWindow } from "@/lib/explore/results";
import { historyQuery, useRecordQuery } from "@/lib/queries/explore";
import type { ExploreUrlState } from "@/lib/validations/explore";
import { AddToDashboard, type StoredDashboardChoice } from "./add-to-dashboard";
import { ExploreGraph, ExploreTable } from "./explore-results";
import { PromqlEditor } from "./promql-editor";
import { SourceSelect } from "@/components/ui/source-select";

export interface ExploreProps {
  /** Editors may add the query to a dashboard. */
  canEdit: boolean;
  dashboards: StoredDashboardChoice[];
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Chart width for the automatic step: the results panel's width once known. */
function useWidth(): [RefObject<HTMLDivElement | null>, number | undefined] {
  const ref = useRef<HTMLDivElement>(null);
  // Unknown until measured, so the first query already uses the step for the real width.
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Explore: write PromQL with completion, see a graph or a table, reuse history, add the query to a dashboard. */
export function Explore({ canEdit, dashboards }: ExploreProps) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const state = useMemo(() => parseExploreParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [draft, setDraft] = useState(state.expr);
  const [stepText, setStepText] = useState(state.step === undefined ? "" : String(state.step));
  const [ranAt, setRanAt] = useState(nowSeconds);
  const [adding, setAdding] = useState(false);
  const [resultsRef, width] = useWidth();
  const record = useRecordQuery();
  const history = useQuery(historyQuery());
  const ids = { range: useId(), step: useId() };

  // The URL is the truth: back/forward and links from other pages put their query in the editor.
  const [shownExpr, setShownExpr] = useState(state.expr);
  if (shownExpr !== state.expr) {
    setShownExpr(state.expr);
    setDraft(state.expr);
  }

  const navigate = useCallback(
    (next: ExploreUrlState) => {
      router.push(exploreHref(next.expr, next));
    },
    [router],
  );

  const run = useCallback(
    (expr: string) => {
      const text = expr.trim();
      const step = parseStepInput(stepText);
      setRanAt(nowSeconds());
      navigate({ ...state, expr: text, step: step === "invalid" ? undefined : step });
      if (text) record.mutate(text);
    },
    [navigate, record, state, stepText],
  );

  const stepInvalid = parseStepInput(stepText) === "invalid";
  const range = queryWindow(state, ranAt, (width ?? 1000) - 60);

  return (
    <div className="grid gap-4 xl:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-4">
        <Panel title="Query">
          <PromqlEditor key={state.source ?? "default"} value={draft} onChange={setDraft} onRun={run} source={state.source} />
          <div className="mt-3 flex flex-wrap items-end gap-3">
            <button type="button" onClick={() => run(draft)} className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info">
              Run query
            </button>
            <SourceSelect
              label="Source"
              value={state.source}
              onChange={(source) => {
                setRanAt(nowSeconds());
                navigate({ ...state, expr: draft.trim(), source });
              }}
            />
            <div>
              <label htmlFor={ids.range} className="mb-1 block text-xs text-slate-400">
                Range
              </label>
              <select
                id={ids.range}
                value={state.range}
                onChange={(event) => {
                  const range = EXPLORE_RANGES.find((option) => option === event.target.value) ?? "1h";
                  setRanAt(nowSeconds());
                  navigate({ ...state, range });
                }}
                className="rounded border border-edge bg-surface px-2 py-1.5 text-sm text-white"
              >
                {EXPLORE_RANGES.map((range) => (
                  <option key={range} value={range}>
                    Last {range}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.step} className="mb-1 block text-xs text-slate-400">
                Step (empty: automatic)
              </label>
              <input
                id={ids.step}
                value={stepText}
                onChange={(event) => setStepText(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") run(draft);
                }}
                placeholder={`${range.step}s`}
                aria-invalid={stepInvalid}
                aria-describedby={stepInvalid ? `${ids.step}-error` : undefined}
                className={`w-28 rounded border bg-surface px-2 py-1.5 font-mono text-sm text-white ${stepInvalid ? "border-critical" : "border-edge"}`}
              />
            </div>
            <div role="tablist" aria-label="Result view" className="ml-auto flex rounded border border-edge">
              {(["graph", "table"] as const).map((tab) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  aria-selected={state.tab === tab}
                  onClick={() => navigate({ ...state, tab })}
                  className={`px-3 py-1.5 text-sm ${state.tab === tab ? "bg-edge text-white" : "text-slate-400 hover:text-white"}`}
                >
                  {tab === "graph" ? "Graph" : "Table"}
                </button>
              ))}
            </div>
            {canEdit && state.expr ? (
              <button type="button" onClick={() => setAdding(true)} className="rounded bg-edge px-3 py-1.5 text-sm text-white hover:bg-slate-700">
                Add to dashboard
              </button>
            ) : null}
          </div>
          {stepInvalid ? (
            <p id={`${ids.step}-error`} className="mt-1 text-xs text-rose-300">
              The step must be a duration such as 30s or 1m, or a number of seconds (at most a day).
            </p>
          ) : null}
        </Panel>

        <div ref={resultsRef}>
          <Panel title={state.tab === "graph" ? "Graph" : "Table"} description={state.expr ? undefined : "Run a query to see its result."}>
            {width === undefined ? (
              <PanelLoading label="Measuring the chart" />
            ) : state.expr === "" ? (
              <p className="py-6 text-center text-sm text-slate-400">
                Type a PromQL expression above: completion offers functions, metric names, labels and their values.
              </p>
            ) : state.tab === "graph" ? (
              <ExploreGraph expr={state.expr} window={range} source={state.source} />
            ) : (
              <ExploreTable expr={state.expr} time={range.end} source={state.source} />
            )}
          </Panel>
        </div>
      </div>

      <Panel title="Query history" description="Your last 100 queries; click one to run it again.">
        <QueryState query={history} errorTitle="Could not load your query history" loadingLabel="Loading your query history" isEmpty={(data) => data.entries.length === 0} empty="Queries you run appear here.">
          {(data) => (
            <ul aria-label="Query history" className="max-h-[36rem] space-y-1 overflow-y-auto">
              {data.entries.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setDraft(entry.expr);
                      run(entry.expr);
                    }}
                    title={new Date(entry.ranAt).toLocaleString()}
                    className="w-full break-all rounded px-2 py-1 text-left font-mono text-xs text-slate-300 hover:bg-edge hover:text-white"
                  >
                    {entry.expr}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        {canEdit ? (
          <p className="mt-4 text-xs text-slate-500">
            Have a Grafana dashboard?{" "}
            <Link href="/dashboards/import" className="text-info hover:underline">
              Import it
            </Link>
            .
          </p>
        ) : null}
      </Panel>

      {adding ? <AddToDashboard expr={state.expr} source={state.source} dashboards={dashboards} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}
