"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useMemo } from "react";
import { formatAgo, formatDuration } from "@/lib/format";
import { exploreHref, filterRules, type GroupEntry, type RuleEntry } from "@/lib/monitoring/rules";
import { monitoringRulesQuery } from "@/lib/queries/monitoring";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";
import { useSearchParam } from "./use-search-param";

const TYPES = ["all", "alerting", "recording"] as const;
const STATES = ["all", "failing", "firing", "pending", "inactive"] as const;

function pick<T extends string>(options: readonly T[], value: string, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

/** Every rule group and rule, failing ones first, filtered from the URL. */
export function RulesView() {
  const { interval } = useRefresh();
  const [source] = useSearchParam("source");
  const query = useQuery(monitoringRulesQuery(interval, source || undefined));
  const [text, setText] = useSearchParam("q");
  const [typeParam, setType] = useSearchParam("type");
  const [stateParam, setState] = useSearchParam("state");
  const type = pick(TYPES, typeParam, "all");
  const state = pick(STATES, stateParam, "all");
  const totals = query.data?.totals;
  const groups = useMemo(() => (query.data ? filterRules(query.data, { text, type, state }) : []), [query.data, text, type, state]);
  return (
    <Panel
      title="Rule groups"
      description={
        totals
          ? `${totals.groups} groups, ${totals.rules} rules: ${totals.failing} failing to evaluate, ${totals.firing} firing, ${totals.pending} pending`
          : "Alerting and recording rules as Prometheus evaluates them"
      }
    >
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-1 flex-col gap-1 text-xs text-slate-400">
          Filter
          <input
            type="search"
            defaultValue={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="rule name, expression, label, group…"
            className="min-w-64 rounded border border-edge bg-surface px-3 py-1.5 text-sm text-white outline-none focus:border-info"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          Type
          <select value={type} onChange={(event) => setType(event.target.value === "all" ? undefined : event.target.value)} className="rounded border border-edge bg-surface px-2 py-1.5 text-sm text-slate-200">
            {TYPES.map((option) => (
              <option key={option} value={option}>
                {option === "all" ? "Any" : option}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          State
          <select value={state} onChange={(event) => setState(event.target.value === "all" ? undefined : event.target.value)} className="rounded border border-edge bg-surface px-2 py-1.5 text-sm text-slate-200">
            {STATES.map((option) => (
              <option key={option} value={option}>
                {option === "all" ? "Any" : option === "failing" ? "failing to evaluate" : option}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState
        query={query}
        errorTitle="Could not load rules from Prometheus"
        loadingLabel="Loading rules"
        isEmpty={(view) => view.groups.length === 0}
        empty="This source has no rule groups loaded. With Prometheus, add rule files to rule_files in its configuration; VictoriaMetrics and Thanos Query evaluate rules elsewhere (vmalert, the ruler)."
      >
        {(view) =>
          groups.length === 0 ? (
            <p className="py-6 text-center text-sm text-slate-400">No rule matches this filter.</p>
          ) : (
            <div className="space-y-4">
              {view.totals.failing > 0 ? (
                <p role="status" className="rounded border border-critical/40 bg-critical/10 px-3 py-2 text-sm text-rose-200">
                  {view.totals.failing} {view.totals.failing === 1 ? "rule fails" : "rules fail"} to evaluate: alerts built on them cannot fire. They are listed first.
                </p>
              ) : null}
              {groups.map((group) => (
                <RuleGroupSection key={group.key} group={group} now={query.dataUpdatedAt} />
              ))}
            </div>
          )
        }
      </QueryState>
    </Panel>
  );
}

function RuleGroupSection({ group, now }: { group: GroupEntry; now: number }) {
  const evaluated = group.lastEvaluation ? Date.parse(group.lastEvaluation) : Number.NaN;
  return (
    <section aria-label={`rule group ${group.name}`} className="rounded border border-edge">
      <header className="flex flex-wrap items-baseline gap-x-3 border-b border-edge bg-surface/50 px-3 py-2">
        <h3 className="font-medium text-white">{group.name}</h3>
        <span className="text-xs text-slate-500">{group.file}</span>
        <span className="ml-auto text-xs text-slate-400">
          every {formatDuration(group.intervalSeconds)}
          {Number.isFinite(evaluated) && evaluated > 0 ? ` · evaluated ${formatAgo(evaluated, now)}` : ""}
          {group.evaluationTimeSeconds !== undefined ? ` in ${formatDuration(group.evaluationTimeSeconds)}` : ""}
          {group.failing > 0 ? <span className="text-rose-300"> · {group.failing} failing</span> : null}
        </span>
      </header>
      <ul className="divide-y divide-edge">
        {group.rules.map((rule) => (
          <RuleItem key={rule.key} rule={rule} now={now} />
        ))}
      </ul>
    </section>
  );
}

const STATE_STYLE: Record<string, string> = {
  firing: "bg-critical/20 text-rose-200",
  pending: "bg-warning/20 text-amber-200",
  inactive: "bg-edge text-slate-300",
  err: "bg-critical/30 text-rose-100",
  recording: "bg-info/15 text-sky-200",
};

function RuleItem({ rule, now }: { rule: RuleEntry; now: number }) {
  const evaluated = rule.lastEvaluation ? Date.parse(rule.lastEvaluation) : Number.NaN;
  const badge = rule.health === "err" ? "err" : (rule.state ?? "recording");
  return (
    <li aria-label={`rule ${rule.name}`} className="px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className={`rounded px-1.5 py-0.5 text-xs ${STATE_STYLE[badge] ?? ""}`}>{rule.health === "err" ? "failing" : badge}</span>
        <span className="font-medium text-white">{rule.name}</span>
        <span className="text-xs text-slate-500">
          {rule.type}
          {rule.forSeconds ? ` · for ${formatDuration(rule.forSeconds)}` : ""} · health {rule.health}
          {Number.isFinite(evaluated) && evaluated > 0 ? ` · evaluated ${formatAgo(evaluated, now)}` : " · not evaluated yet"}
          {rule.evaluationTimeSeconds !== undefined ? ` in ${formatDuration(rule.evaluationTimeSeconds)}` : ""}
        </span>
        <Link href={exploreHref(rule.query)} prefetch={false} className="ml-auto text-xs text-sky-300 hover:underline">
          Open in Explore
        </Link>
      </div>
      <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-900/60 px-2 py-1 text-xs text-slate-300">{rule.query}</pre>
      {rule.lastError ? (
        <p role="alert" className="mt-1 break-words text-xs text-rose-300">
          Evaluation error: {rule.lastError}
        </p>
      ) : null}
      {rule.alerts.length > 0 ? (
        <details className="mt-1 text-xs" open={rule.alerts.length <= 5}>
          <summary className="cursor-pointer text-slate-400">{rule.alerts.length} active {rule.alerts.length === 1 ? "alert" : "alerts"}</summary>
          <ul className="mt-1 space-y-0.5">
            {rule.alerts.map((alert) => {
              const since = alert.activeAt ? Date.parse(alert.activeAt) : Number.NaN;
              const labels = Object.entries(alert.labels).filter(([name]) => name !== "alertname");
              return (
                <li key={JSON.stringify(alert.labels)} className="flex flex-wrap gap-x-2">
                  <span className={alert.state === "firing" ? "text-rose-300" : "text-amber-200"}>{alert.state}</span>
                  <span className="text-slate-300">{labels.map(([name, value]) => `${name}="${value}"`).join(", ") || "(no labels)"}</span>
                  <span className="text-slate-500">
                    value {alert.value}
                    {Number.isFinite(since) ? ` · since ${formatAgo(since, now)}` : ""}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
