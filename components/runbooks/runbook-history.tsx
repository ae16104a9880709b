"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Panel, PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import { restoreRunbookRequest, revisionQuery, revisionsQuery, runbookKeys } from "@/lib/queries/runbooks";
import type { RevisionSummary, RunbookView } from "@/lib/validations/runbooks";
import { RunbookDiff } from "./runbook-diff";

export interface RunbookHistoryProps {
  runbook: RunbookView;
  canEdit: boolean;
  /** The versions to compare, from the URL (?from=&to=); defaults to the last change. */
  from?: number;
  to?: number;
}

const SELECT = "rounded border border-edge bg-surface px-2 py-1 text-sm text-white";

function Comparison({ slug, from, to }: { slug: string; from: number; to: number }) {
  const before = useQuery(revisionQuery(slug, from));
  const after = useQuery(revisionQuery(slug, to));
  if (before.isPending || after.isPending) return <PanelLoading label="Loading the two versions" />;
  if (before.isError || after.isError) return <PanelError title="Could not load the versions" message={(before.error ?? after.error)?.message ?? ""} />;
  return <RunbookDiff before={before.data} after={after.data} beforeLabel={`Version ${from}`} afterLabel={`Version ${to}`} />;
}

/** Every saved version of a runbook: compare any two, and bring an old one back as a new version. */
export function RunbookHistory({ runbook, canEdit, from, to }: RunbookHistoryProps) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const revisions = useQuery(revisionsQuery(runbook.slug));
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string }>();
  const [restoring, setRestoring] = useState<number>();

  const list: RevisionSummary[] = revisions.data ?? [];
  const newest = list[0]?.version ?? runbook.version;
  const compareTo = to ?? newest;
  const compareFrom = from ?? Math.max(1, compareTo - 1);

  function choose(next: { from: number; to: number }) {
    router.replace(`${pathname}?from=${next.from}&to=${next.to}`, { scroll: false });
  }

  async function restore(version: number) {
    if (!window.confirm(`Restore version ${version}? It becomes a new version; nothing is lost.`)) return;
    setRestoring(version);
    setMessage(undefined);
    try {
      const outcome = await restoreRunbookRequest(runbook.slug, { revision: version, version: newest });
      if (outcome.kind === "conflict") {
        setMessage({ kind: "error", text: `${outcome.message} The list now shows version ${outcome.current.version}.` });
      } else {
        setMessage({ kind: "ok", text: outcome.changed ? `Restored version ${version} as version ${outcome.runbook.version}.` : `Version ${version} is the same as the current one; nothing to restore.` });
        if (outcome.changed) choose({ from: newest, to: outcome.runbook.version });
      }
      await queryClient.invalidateQueries({ queryKey: runbookKeys.detail(runbook.slug) });
      router.refresh();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setRestoring(undefined);
    }
  }

  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs text-slate-500">
          <Link href="/runbooks" className="hover:text-slate-300">
            Runbooks
          </Link>{" "}
          /{" "}
          <Link href={`/runbooks/${runbook.slug}`} className="hover:text-slate-300">
            {runbook.slug}
          </Link>
        </p>
        <h1 className="text-lg font-semibold text-white">History: {runbook.title}</h1>
      </div>
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={`rounded border px-3 py-2 text-sm ${message.kind === "error" ? "border-critical/40 bg-critical/10 text-rose-100" : "border-ok/40 bg-ok/10 text-emerald-100"}`}>
          {message.text}
        </p>
      ) : null}
      <Panel title="Versions" description="Newest first">
        {revisions.isPending ? (
          <PanelLoading label="Loading versions" />
        ) : revisions.isError ? (
          <PanelError title="Could not load the history" message={revisions.error.message} />
        ) : list.length === 0 ? (
          <PanelEmpty>No saved versions.</PanelEmpty>
        ) : (
          <ul aria-label="Versions" className="divide-y divide-edge">
            {list.map((revision) => (
              <li key={revision.version} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <strong className="text-white">Version {revision.version}</strong>
                  {revision.version === newest ? <span className="ml-2 text-xs text-emerald-300">current</span> : null}
                  <span className="ml-2 text-slate-400">
                    <Time iso={revision.createdAt} />
                    {revision.author ? ` by ${revision.author}` : ""}
                  </span>
                </span>
                <span className="flex gap-2">
                  {revision.version > 1 ? (
                    <button type="button" onClick={() => choose({ from: revision.version - 1, to: revision.version })} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-300 hover:text-white">
                      Changes in version {revision.version}
                    </button>
                  ) : null}
                  {canEdit && revision.version !== newest ? (
                    <button
                      type="button"
                      disabled={restoring !== undefined}
                      onClick={() => void restore(revision.version)}
                      className="rounded bg-info/90 px-2 py-0.5 text-xs font-medium text-slate-950 hover:bg-info disabled:opacity-60"
                    >
                      {restoring === revision.version ? "Restoring…" : `Restore version ${revision.version}`}
                    </button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {list.length > 0 ? (
        <Panel
          title="Compare"
          actions={
            <div className="flex items-center gap-2 text-xs text-slate-400">
              <label>
                From{" "}
                <select aria-label="Compare from version" value={compareFrom} onChange={(event) => choose({ from: Number(event.target.value), to: compareTo })} className={SELECT}>
                  {list.map((revision) => (
                    <option key={revision.version} value={revision.version}>
                      {revision.version}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                to{" "}
                <select aria-label="Compare to version" value={compareTo} onChange={(event) => choose({ from: compareFrom, to: Number(event.target.value) })} className={SELECT}>
                  {list.map((revision) => (
                    <option key={revision.version} value={revision.version}>
                      {revision.version}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          }
        >
          {list.some((revision) => revision.version === compareFrom) && list.some((revision) => revision.version === compareTo) ? (
            <Comparison slug={runbook.slug} from={compareFrom} to={compareTo} />
          ) : (
            <PanelEmpty>Choose two versions that exist.</PanelEmpty>
          )}
        </Panel>
      ) : null}
    </div>
  );
}
