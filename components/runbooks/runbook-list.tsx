"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Panel, PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { runbookFilterQueryString, runbookListQuery, type RunbookFilters } from "@/lib/queries/runbooks";
import { snippetParts } from "@/lib/runbooks/live";
import type { RunbookSummary } from "@/lib/validations/runbooks";

export interface RunbookListProps {
  filters: RunbookFilters;
  canEdit: boolean;
  /** Why the filters in the URL were refused, if they were. */
  invalid?: string;
}

const INPUT = "w-full rounded border border-edge bg-surface px-2 py-1.5 text-sm text-white outline-none focus:border-info";

function Snippet({ text }: { text: string }) {
  return (
    <p className="mt-1 text-sm text-slate-400">
      {snippetParts(text).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded bg-amber-300/20 px-0.5 text-amber-100">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function RunbookRow({ runbook }: { runbook: RunbookSummary }) {
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href={`/runbooks/${runbook.slug}`} className="font-medium text-sky-300 hover:underline">
          {runbook.title}
        </Link>
        {runbook.team ? <span className="text-xs text-slate-400">team {runbook.team}</span> : null}
        {runbook.alertNames.length ? <span className="font-mono text-xs text-slate-500">{runbook.alertNames.join(", ")}</span> : null}
      </div>
      {runbook.snippet ? <Snippet text={runbook.snippet} /> : null}
      {runbook.tags.length ? (
        <ul aria-label="Tags" className="mt-1 flex flex-wrap gap-1">
          {runbook.tags.map((tag) => (
            <li key={tag}>
              <Link href={`/runbooks?tag=${encodeURIComponent(tag)}`} className="rounded bg-edge px-1.5 py-0.5 text-xs text-slate-300 hover:text-white">
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Runbooks: full-text search as you type, tag and team filters, all in the URL. */
export function RunbookList({ filters, canEdit, invalid }: RunbookListProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(filters.q ?? "");
  const query = useQuery({ ...runbookListQuery(filters), enabled: !invalid });
  const first = useRef(true);

  // Typing searches after a short pause; the URL follows so a search can be shared.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const next = runbookFilterQueryString({ ...filters, q: text.trim() || undefined });
      router.replace(next ? `${pathname}?${next}` : pathname);
    }, 250);
    return () => clearTimeout(timer);
    // Only the typed text triggers this; filters change through the selects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  function setFilter(name: "tag" | "team", value: string) {
    const next = runbookFilterQueryString({ ...filters, q: text.trim() || undefined, [name]: value || undefined });
    router.push(next ? `${pathname}?${next}` : pathname);
  }

  const data = query.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold text-white">Runbooks</h1>
        {canEdit ? (
          <Link href="/runbooks/new" className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info">
            New runbook
          </Link>
        ) : null}
      </div>
      <form role="search" aria-label="Runbook search" onSubmit={(event) => event.preventDefault()} className="grid gap-3 sm:grid-cols-[1fr_12rem_12rem]">
        <label className="block text-xs text-slate-400">
          Search
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="queue backlog, trm_fallback_total, gpu…" className={`mt-1 ${INPUT}`} />
        </label>
        <label className="block text-xs text-slate-400">
          Tag
          <select value={filters.tag ?? ""} onChange={(event) => setFilter("tag", event.target.value)} className={`mt-1 ${INPUT}`}>
            <option value="">All tags</option>
            {[...new Set([...(data?.tags ?? []), ...(filters.tag ? [filters.tag] : [])])].map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-xs text-slate-400">
          Team
          <select value={filters.team ?? ""} onChange={(event) => setFilter("team", event.target.value)} className={`mt-1 ${INPUT}`}>
            <option value="">All teams</option>
            {[...new Set([...(data?.teams ?? []), ...(filters.team ? [filters.team] : [])])].map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Panel
        title="Results"
        description={data ? `${data.total} runbook${data.total === 1 ? "" : "s"}${filters.q ? ", best match first" : ", by title"}` : undefined}
      >
        {invalid ? (
          <PanelError title="This search is not valid" message={invalid} />
        ) : query.isPending ? (
          <PanelLoading label="Loading runbooks" />
        ) : (
          <>
            {query.isError ? <PanelError title="Could not load runbooks" message={query.error.message} /> : null}
            {data && data.runbooks.length === 0 ? (
              <PanelEmpty>{filters.q || filters.tag || filters.team ? "No runbook matches this search." : "No runbooks yet."}</PanelEmpty>
            ) : data ? (
              <ul aria-label="Runbooks" className={`divide-y divide-edge ${query.isError ? "opacity-50" : ""}`}>
                {data.runbooks.map((runbook) => (
                  <RunbookRow key={runbook.slug} runbook={runbook} />
                ))}
              </ul>
            ) : null}
          </>
        )}
      </Panel>
    </div>
  );
}
