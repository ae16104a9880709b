"use client";

import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { formatAgo, formatDuration } from "@/lib/format";
import { filterTargets, groupRows, type TargetHealth, type TargetRow, type TargetsView as TargetsData } from "@/lib/monitoring/targets";
import { monitoringTargetsQuery } from "@/lib/queries/monitoring";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";
import { StatusDot } from "@/components/ui/status-dot";
import { TargetDetails } from "./target-details";
import { useSearchParam } from "./use-search-param";

const HEALTH_OPTIONS = ["all", "down", "up", "unknown"] as const;

function isHealth(value: string): value is TargetHealth | "all" {
  return (HEALTH_OPTIONS as readonly string[]).includes(value);
}

/** Every scrape target by job, filtered from the URL, in a virtual list (thousands stay fast). */
export function TargetsView() {
  const { interval } = useRefresh();
  const [source] = useSearchParam("source");
  const query = useQuery(monitoringTargetsQuery(interval, source || undefined));
  const totals = query.data?.totals;
  return (
    <Panel
      title="Scrape targets"
      description={
        totals
          ? `${totals.up} up, ${totals.down} down${totals.unknown ? `, ${totals.unknown} unknown` : ""}${totals.dropped ? `, ${totals.dropped} dropped by relabelling` : ""}`
          : "Every scrape pool and target Prometheus knows"
      }
    >
      <QueryState
        query={query}
        errorTitle="Could not load scrape targets from Prometheus"
        loadingLabel="Loading scrape targets"
        isEmpty={(view) => view.targets.length === 0}
        empty="Prometheus has no active scrape targets. Check scrape_configs in its configuration."
      >
        {(view) => <TargetList view={view} now={query.dataUpdatedAt} refetchInterval={interval} />}
      </QueryState>
    </Panel>
  );
}

interface TargetListProps {
  view: TargetsData;
  now: number;
  refetchInterval: number | false;
}

function TargetList({ view, now, refetchInterval }: TargetListProps) {
  const [text, setText] = useSearchParam("q");
  const [healthParam, setHealth] = useSearchParam("health");
  const [job, setJob] = useSearchParam("job");
  const [selected, setSelected] = useSearchParam("target");
  const [draft, setDraft] = useState(text);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const health = isHealth(healthParam) ? healthParam : "all";
  const deferredText = useDeferredValue(draft);

  // Typing filters at once; the URL follows a moment later so history is not flooded.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (draft !== text) setText(draft);
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, text, setText]);

  const filtered = useMemo(() => filterTargets(view.targets, { text: deferredText, health, job: job || undefined }), [view.targets, deferredText, health, job]);
  const rows = useMemo(() => groupRows(filtered, collapsed), [filtered, collapsed]);
  const jobs = useMemo(() => [...new Set(view.targets.map((target) => target.job))].sort(), [view.targets]);

  const toggleJob = (name: string) => {
    const next = new Set(collapsed);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setCollapsed(next);
  };

  return (
    <>
      <div className="mb-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-1 flex-col gap-1 text-xs text-slate-400">
          Filter
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="job, instance, label=value, error text…"
            className="min-w-64 rounded border border-edge bg-surface px-3 py-1.5 text-sm text-white outline-none focus:border-info"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          Health
          <select value={health} onChange={(event) => setHealth(event.target.value === "all" ? undefined : event.target.value)} className="rounded border border-edge bg-surface px-2 py-1.5 text-sm text-slate-200">
            {HEALTH_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {option === "all" ? "Any" : option}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          Job
          <select value={job} onChange={(event) => setJob(event.target.value || undefined)} className="max-w-56 rounded border border-edge bg-surface px-2 py-1.5 text-sm text-slate-200">
            <option value="">Every job</option>
            {jobs.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <p className="text-xs text-slate-400" aria-live="polite">
          {filtered.length} of {view.targets.length} targets
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-400">No target matches this filter.</p>
      ) : (
        <VirtualRows rows={rows} now={now} selected={selected} onSelect={(key) => setSelected(key === selected ? undefined : key)} onToggleJob={toggleJob} refetchInterval={refetchInterval} />
      )}
    </>
  );
}

interface VirtualRowsProps {
  rows: TargetRow[];
  now: number;
  selected: string;
  onSelect: (key: string) => void;
  onToggleJob: (job: string) => void;
  refetchInterval: number | false;
}

function VirtualRows({ rows, now, selected, onSelect, onToggleJob, refetchInterval }: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "job" ? 36 : 44),
    getItemKey: (index) => {
      const row = rows[index];
      return row ? (row.kind === "job" ? `job:${row.job}` : row.target.key) : index;
    },
    overscan: 10,
  });
  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-y-auto pr-1">
      <ul aria-label="Targets by job" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-label={row.kind === "job" ? `job ${row.job}` : `${row.target.instance} ${row.target.health}`}
              className="absolute left-0 top-0 w-full border-b border-edge"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === "job" ? (
                <JobHeading row={row} onToggle={onToggleJob} />
              ) : (
                <TargetLine row={row} now={now} expanded={row.target.key === selected} onSelect={onSelect} refetchInterval={refetchInterval} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function JobHeading({ row, onToggle }: { row: Extract<TargetRow, { kind: "job" }>; onToggle: (job: string) => void }) {
  const total = row.up + row.down + row.unknown;
  return (
    <button type="button" onClick={() => onToggle(row.job)} aria-expanded={!row.collapsed} className="flex w-full items-center gap-3 bg-panel py-2 text-left">
      <StatusDot state={row.down > 0 ? "down" : row.unknown > 0 ? "unknown" : "ok"} />
      <span className="flex-1 font-medium text-white">{row.job}</span>
      <span className={`text-xs ${row.down > 0 ? "text-rose-300" : "text-slate-400"}`}>
        {row.up}/{total} up
      </span>
    </button>
  );
}

interface TargetLineProps {
  row: Extract<TargetRow, { kind: "target" }>;
  now: number;
  expanded: boolean;
  onSelect: (key: string) => void;
  refetchInterval: number | false;
}

function TargetLine({ row, now, expanded, onSelect, refetchInterval }: TargetLineProps) {
  const { target } = row;
  const scraped = Date.parse(target.lastScrape);
  const neverScraped = !Number.isFinite(scraped) || scraped <= 0;
  return (
    <div className="py-1.5 pl-5 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <StatusDot state={target.health === "up" ? "ok" : target.health} />
        <span className={target.health === "down" ? "text-rose-300" : "text-slate-200"}>{target.instance}</span>
        <span className="text-xs text-slate-500">
          {neverScraped ? "not scraped yet" : `scraped ${formatAgo(scraped, now)}`} · took {formatDuration(target.lastScrapeDurationSeconds)}
        </span>
        <button
          type="button"
          onClick={() => onSelect(target.key)}
          aria-expanded={expanded}
          aria-label={`${expanded ? "Hide" : "Show"} details of ${target.instance}`}
          className="ml-auto rounded border border-edge px-2 py-0.5 text-xs text-slate-300 hover:text-white"
        >
          {target.health === "down" ? "up history & alerts" : "details"}
        </button>
      </div>
      {target.lastError ? <p className="mt-0.5 break-words pl-5 text-xs text-rose-300">{target.lastError}</p> : null}
      {expanded ? <TargetDetails target={target} refetchInterval={refetchInterval} /> : null}
    </div>
  );
}
