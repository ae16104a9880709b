"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatAgo } from "@/lib/format";
import type { JobSummary } from "@/lib/prometheus/targets-summary";
import { targetsQuery } from "@/lib/queries/prometheus";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { StatusDot } from "@/components/ui/status-dot";

export interface TargetsPanelProps {
  refetchInterval: number | false;
}

function JobRow({ job, now }: { job: JobSummary; now: number }) {
  const [open, setOpen] = useState(job.down > 0);
  const total = job.up + job.down + job.unknown;
  return (
    <li className="py-1.5">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        className="flex w-full items-center gap-3 text-left"
      >
        <StatusDot state={job.down > 0 ? "down" : job.unknown > 0 ? "unknown" : "ok"} />
        <span className="flex-1 font-medium text-white">{job.job}</span>
        <span className={`text-xs ${job.down > 0 ? "text-rose-300" : "text-slate-400"}`}>
          {job.up}/{total} up
        </span>
      </button>
      {open ? (
        <ul className="mt-1 space-y-1 pl-5 text-xs">
          {job.targets.map((target) => (
            <li key={target.scrapeUrl} className="flex flex-wrap items-baseline gap-x-3">
              <span className={target.health === "down" ? "text-rose-300" : "text-slate-300"}>{target.instance}</span>
              <span className="text-slate-500">
                {target.health} · scraped {formatAgo(Date.parse(target.lastScrape), now)} in {Math.round(target.scrapeDurationSeconds * 1000)} ms
              </span>
              {target.lastError ? <span className="w-full break-words text-rose-300">{target.lastError}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Every scrape target by job, with the last error of any target that is down. */
export function TargetsPanel({ refetchInterval }: TargetsPanelProps) {
  const query = useQuery(targetsQuery(refetchInterval));
  const totals = query.data?.totals;
  return (
    <Panel
      title="Scrape targets"
      description={totals ? `${totals.up} up, ${totals.down} down${totals.unknown ? `, ${totals.unknown} unknown` : ""}` : undefined}
    >
      <QueryState
        query={query}
        errorTitle="Could not load scrape targets"
        loadingLabel="Loading scrape targets"
        isEmpty={(summary) => summary.jobs.length === 0}
        empty="Prometheus has no scrape targets configured."
      >
        {(summary) => (
          <ul className="max-h-96 divide-y divide-edge overflow-y-auto pr-1 text-sm">
            {summary.jobs.map((job) => (
              <JobRow key={job.job} job={job} now={query.dataUpdatedAt} />
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
