"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { usePathname, useRouter } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { sloListQuery } from "@/lib/queries/slos";
import { sloHref } from "@/lib/slo/alert-match";
import { BURN_WINDOWS } from "@/lib/slo/model";
import { filterAndSort, filterOptions, formatPercent, rowHealth, type ListFilter } from "@/lib/slo/view";
import { ExternalSlosTable } from "./external-slos";
import { BudgetBar, BurnBadge, FlagBadges, HealthBadge, windowDays } from "./slo-badges";

export interface SloListProps {
  filter: ListFilter;
  /** Editors may create SLOs stored in the console. */
  canEdit: boolean;
}

const INPUT = "rounded border border-edge bg-surface px-2 py-1.5 text-sm text-white outline-none focus:border-info";

function queryString(filter: ListFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === "string" && value !== "" && !(name === "sort" && value === "budget")) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Every SLO with its figures; filters and sort live in the URL so a view can be shared. */
export function SloList({ filter, canEdit }: SloListProps) {
  const query = useQuery(sloListQuery());
  const router = useRouter();
  const pathname = usePathname();
  const update = (change: Partial<ListFilter>) => router.replace(`${pathname}${queryString({ ...filter, ...change })}`, { scroll: false });

  const options = filterOptions(query.data?.rows ?? []);
  return (
    <>
    <Panel
      title="Service level objectives"
      description="Error budget left over each SLO's window, and how fast it burns (burn rate 1 spends the budget exactly over the window)."
    >
      {canEdit ? (
        <div className="mb-3 flex justify-end">
          <Link href="/slos/new" className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info">
            New SLO
          </Link>
        </div>
      ) : null}
      <form className="mb-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter SLOs" onSubmit={(event) => event.preventDefault()}>
        <label className="text-xs text-slate-400">
          Service
          <select aria-label="Service" className={`mt-1 block ${INPUT}`} value={filter.service ?? ""} onChange={(event) => update({ service: event.target.value || undefined })}>
            <option value="">All services</option>
            {[...new Set([...options.services, ...(filter.service ? [filter.service] : [])])].map((service) => (
              <option key={service} value={service}>
                {service}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-slate-400">
          Team
          <select aria-label="Team" className={`mt-1 block ${INPUT}`} value={filter.team ?? ""} onChange={(event) => update({ team: event.target.value || undefined })}>
            <option value="">All teams</option>
            {[...new Set([...options.teams, ...(filter.team ? [filter.team] : [])])].map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-slate-400">
          Label
          <input
            aria-label="Label"
            className={`mt-1 block ${INPUT}`}
            placeholder="model=llama-3-70b"
            defaultValue={filter.label ?? ""}
            onBlur={(event) => update({ label: event.target.value.trim() || undefined })}
            onKeyDown={(event) => {
              if (event.key === "Enter") update({ label: event.currentTarget.value.trim() || undefined });
            }}
          />
        </label>
        <label className="text-xs text-slate-400">
          Sort by
          <select
            aria-label="Sort by"
            className={`mt-1 block ${INPUT}`}
            value={filter.sort}
            onChange={(event) => update({ sort: event.target.value === "name" ? "name" : event.target.value === "burn" ? "burn" : "budget" })}
          >
            <option value="budget">Budget left (least first)</option>
            <option value="burn">Burn rate (1h, fastest first)</option>
            <option value="name">Name</option>
          </select>
        </label>
      </form>
      <QueryState
        query={query}
        errorTitle="Could not load the SLOs"
        loadingLabel="Loading SLOs"
        isEmpty={(data) => data.rows.length === 0 && data.problems.length === 0}
        empty="No SLOs are defined. Create one with New SLO (editors) or add files to slos/ (see slos/README.md)."
      >
        {(data) => {
          const rows = filterAndSort(data.rows, filter);
          return (
            <>
              {data.problems.length > 0 ? (
                <div role="alert" className="mb-3 rounded border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-amber-100">
                  <p className="font-medium">Some SLO files have problems and were skipped:</p>
                  <ul className="mt-1 list-disc pl-5 text-xs">
                    {data.problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {rows.length === 0 ? (
                <p className="py-6 text-center text-sm text-slate-400">No SLO matches these filters.</p>
              ) : (
                <DataTable
                  columns={[
                    { label: "Status" },
                    { label: "SLO" },
                    { label: "Objective", align: "right" },
                    { label: "SLI", align: "right" },
                    { label: "Budget left" },
                    ...BURN_WINDOWS.map((window) => ({ label: window, align: "right" as const })),
                    { label: "Flags" },
                  ]}
                >
                  {rows.map((row) => (
                    <tr key={row.key} aria-label={`${row.service} ${row.slo}${row.group ? ` ${row.group.value}` : ""}`}>
                      <td className="py-2 pr-3">
                        <HealthBadge health={rowHealth(row)} />
                      </td>
                      <td className="py-2 pr-3">
                        <Link href={sloHref(row.id, row.group?.value)} className="text-info hover:underline">
                          {row.slo}
                        </Link>
                        <div className="text-xs text-slate-400">
                          {row.service}
                          {row.group ? ` · ${row.group.label}=${row.group.value}` : ""} · {row.windowLabel}
                          {row.datasource ? ` · ${row.datasource}` : ""} ·{" "}
                          {row.origin === "file" ? <span title="Defined in a file in slos/: edit the file">from a file</span> : <span>stored</span>}
                        </div>
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatPercent(row.objective, row.objective >= 0.999 ? 2 : 1)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatPercent(row.sli, 3)}</td>
                      <td className="py-2 pr-3">
                        <BudgetBar remaining={row.errorBudgetRemaining} />
                      </td>
                      {BURN_WINDOWS.map((window) => (
                        <td key={window} className="py-2 pr-2 text-right">
                          <BurnBadge window={window} rate={row.burnRates[window]} windowDays={windowDays(row.window)} />
                        </td>
                      ))}
                      <td className="py-2">
                        <FlagBadges flags={row.flags} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
              <p className="mt-2 text-xs text-slate-500">
                Evaluated at {new Date(data.evaluatedAt).toLocaleTimeString()}: {data.rows.filter((row) => row.source === "rules").length} rows from
                recording rules (window counts up to 5 minutes old), {data.rows.filter((row) => row.source === "queries").length} computed from the raw series.
              </p>
            </>
          );
        }}
      </QueryState>
    </Panel>
    <div className="mt-4">
      <Panel title="Recorded by Sloth and Pyrra" description="SLOs other tools already record in Prometheus, read from their recording-rule series. Read-only: their definitions live with those tools.">
        <QueryState query={query} errorTitle="Could not load the SLOs" loadingLabel="Loading SLOs" empty={null}>
          {(data) => <ExternalSlosTable list={data.external} />}
        </QueryState>
      </Panel>
    </div>
    </>
  );
}
