"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { PanelEmpty, PanelError, PanelLoading, Panel } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import { auditExportUrl, auditQuery } from "@/lib/queries/audit";
import { DEFAULT_AUDIT_LIMIT, type AuditEventRow, type AuditFilterParams } from "@/lib/validations/audit";
import { AuditFilters } from "./audit-filters";
import { DataTable } from "@/components/ui/data-table";

export interface AuditLogProps {
  filters: AuditFilterParams;
  /** Rows per page (the URL's limit, else 100). */
  pageSize: number;
  /** Why the filters in the URL were refused, if they were. */
  invalid?: string;
}

function json(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

function EventRow({ event }: { event: AuditEventRow }) {
  const before = json(event.before);
  const after = json(event.after);
  return (
    <tr className="align-top">
      <td className="whitespace-nowrap py-1.5 pr-3 text-xs">
        <Time iso={event.at} />
      </td>
      <td className="py-1.5 pr-3">
        {event.actorName}
        <div className="text-xs text-slate-500">{event.actorType}</div>
      </td>
      <td className="py-1.5 pr-3 font-mono text-xs text-slate-100">{event.action}</td>
      <td className="py-1.5 pr-3 text-xs">
        {event.targetType}
        <div className="break-all font-mono text-slate-500">{event.targetId}</div>
      </td>
      <td className="py-1.5 pr-3 font-mono text-xs">{event.requestAddress ?? ""}</td>
      <td className="max-w-md py-1.5 font-mono text-xs text-slate-400">
        {before ? <div className="break-all">before {before}</div> : null}
        {after ? <div className="break-all">after {after}</div> : null}
      </td>
    </tr>
  );
}

/** The audit log: filters in the URL, newest events first, more on request, and the same rows as CSV. */
export function AuditLog({ filters, pageSize, invalid }: AuditLogProps) {
  const query = useInfiniteQuery({ ...auditQuery(filters, pageSize), enabled: !invalid });
  const events = query.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <div className="space-y-4">
      <Panel title="Filters">
        <AuditFilters filters={filters} pageSize={pageSize === DEFAULT_AUDIT_LIMIT ? undefined : pageSize} />
      </Panel>
      <Panel
        title="Events"
        description={query.data ? `${events.length}${query.hasNextPage ? "+" : ""} events, newest first` : undefined}
        actions={
          invalid ? undefined : (
            <a href={auditExportUrl(filters)} download className="rounded border border-edge px-2.5 py-1 text-xs text-slate-200 hover:text-white">
              Export CSV
            </a>
          )
        }
      >
        {invalid ? (
          <PanelError title="These filters are not valid" message={invalid} />
        ) : query.isPending ? (
          <PanelLoading label="Loading audit events" />
        ) : (
          <>
            {query.isError ? <PanelError title="Could not load the audit log" message={query.error.message} /> : null}
            {events.length === 0 && !query.isError ? (
              <PanelEmpty>No audit events match these filters.</PanelEmpty>
            ) : events.length > 0 ? (
              <DataTable columns={[{ label: "Time" }, { label: "Actor" }, { label: "Action" }, { label: "Target" }, { label: "Address" }, { label: "Change" }]}>
                    {events.map((event) => (
                      <EventRow key={event.id} event={event} />
                    ))}
                  </DataTable>
            ) : null}
            {query.hasNextPage ? (
              <div className="mt-3 flex justify-center">
                <button
                  type="button"
                  disabled={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                  className="rounded border border-edge px-3 py-1.5 text-sm text-slate-200 hover:text-white disabled:opacity-60"
                >
                  {query.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              </div>
            ) : null}
          </>
        )}
      </Panel>
    </div>
  );
}
