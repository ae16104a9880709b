"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FormMessage } from "@/components/auth/form-fields";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { Time } from "@/components/ui/time";
import { sessionsQuery, useRevokeSession } from "@/lib/queries/admin";
import type { SessionSummary } from "@/lib/validations/admin";
import { DataTable } from "@/components/ui/data-table";

function SessionRow({ session, onError }: { session: SessionSummary; onError: (message?: string) => void }) {
  const revoke = useRevokeSession();
  return (
    <tr>
      <td className="py-2 pr-3">
        <div className="font-medium text-slate-100">
          {session.user.name}
          {session.current ? <span className="ml-2 rounded bg-edge px-1.5 py-0.5 text-xs text-slate-300">this browser</span> : null}
        </div>
        <div className="text-xs text-slate-400">
          {session.user.email} · {session.user.role}
        </div>
      </td>
      <td className="py-2 pr-3 font-mono text-xs">{session.address ?? "unknown"}</td>
      <td className="max-w-xs truncate py-2 pr-3 text-xs" title={session.userAgent ?? undefined}>
        {session.userAgent ?? "unknown"}
      </td>
      <td className="py-2 pr-3 text-xs">
        <Time iso={session.createdAt} />
      </td>
      <td className="py-2 pr-3 text-xs">
        <Time iso={session.lastSeenAt} />
      </td>
      <td className="py-2 text-right">
        <button
          type="button"
          disabled={revoke.isPending}
          aria-label={`Revoke the session of ${session.user.name} from ${session.address ?? "an unknown address"}`}
          onClick={() => {
            onError(undefined);
            revoke.mutate(session.id, { onError: (error) => onError(`Could not revoke the session of ${session.user.name}: ${error.message}`) });
          }}
          className="rounded border border-edge px-2 py-1 text-xs text-slate-200 hover:text-white disabled:opacity-50"
        >
          {revoke.isPending ? "Revoking…" : "Revoke"}
        </button>
      </td>
    </tr>
  );
}

/** Everyone signed in right now, and a way to sign one browser out. */
export function SessionsAdmin() {
  const query = useQuery(sessionsQuery());
  const [error, setError] = useState<string>();
  return (
    <Panel title="Active sessions" description="Signed-in browsers that have not expired, been revoked or gone idle. Revoking one signs that browser out.">
      <FormMessage message={error} />
      <QueryState
        query={query}
        errorTitle="Could not load the sessions"
        loadingLabel="Loading sessions"
        isEmpty={(data) => data.sessions.length === 0}
        empty="Nobody is signed in with a session (people behind a proxy or using API tokens have none)."
      >
        {(data) => (
          <DataTable columns={[{ label: "Person" }, { label: "Address" }, { label: "Browser" }, { label: "Signed in" }, { label: "Last seen" }, { label: "Actions", align: "right", visuallyHidden: true }]}>
                {data.sessions.map((session) => (
                  <SessionRow key={session.id} session={session} onError={setError} />
                ))}
              </DataTable>
        )}
      </QueryState>
    </Panel>
  );
}
