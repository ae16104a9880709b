"use client";

import { Link } from "@/components/ui/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { DashboardSummary } from "@/lib/data/dashboards";
import { filterDashboards, tagCounts } from "@/lib/dashboards/list-filter";
import { createDashboardRequest } from "@/lib/queries/dashboards";
import { blankDashboard, uidFromTitle } from "@/lib/validations/dashboards";
import { WideDialog } from "./wide-dialog";

export interface DashboardListProps {
  dashboards: DashboardSummary[];
  canEdit: boolean;
  broken: Array<{ file: string; error: string }>;
}

/** Every dashboard, searchable by text and tag (both in the URL), provisioned ones marked. */
export function DashboardList({ dashboards, canEdit, broken }: DashboardListProps) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get("q") ?? "";
  const tag = params.get("tag") ?? "";
  const [creating, setCreating] = useState(false);
  const shown = filterDashboards(dashboards, { q, tag: tag || undefined });
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    router.replace(`${pathname}${next.size ? `?${next.toString()}` : ""}`, { scroll: false });
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          aria-label="Search dashboards"
          placeholder="Search by title, uid or tag"
          defaultValue={q}
          onChange={(event) => setParam("q", event.target.value)}
          className="w-72 rounded border border-edge bg-surface px-3 py-1.5 text-sm"
        />
        <div className="flex flex-wrap gap-1.5" role="group" aria-label="Tags">
          {tagCounts(dashboards).map((item) => (
            <button
              key={item.tag}
              type="button"
              aria-pressed={tag === item.tag}
              onClick={() => setParam("tag", tag === item.tag ? "" : item.tag)}
              className={`rounded px-2 py-0.5 text-xs ${tag === item.tag ? "bg-sky-700 text-white" : "bg-edge text-slate-300 hover:text-white"}`}
            >
              {item.tag} <span className="text-slate-400">{item.count}</span>
            </button>
          ))}
        </div>
        {canEdit ? (
          <div className="ml-auto flex gap-2">
            <Link href="/dashboards/import" className="rounded border border-edge px-3 py-1.5 text-sm text-slate-200 hover:bg-edge">
              Import from Grafana
            </Link>
            <button type="button" onClick={() => setCreating(true)} className="rounded bg-sky-600 px-3 py-1.5 text-sm text-white hover:bg-sky-500">
              New dashboard
            </button>
          </div>
        ) : null}
      </div>
      {broken.length ? (
        <div role="alert" className="rounded border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-amber-200">
          {broken.map((item) => (
            <p key={item.file}>
              dashboards/{item.file} is not a valid dashboard and is not shown: {item.error}
            </p>
          ))}
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p className="rounded border border-edge bg-panel py-8 text-center text-sm text-slate-400">{dashboards.length ? "No dashboard matches." : "No dashboards yet."}</p>
      ) : (
        <ul className="divide-y divide-edge rounded-lg border border-edge bg-panel" aria-label="Dashboards">
          {shown.map((item) => (
            <li key={item.uid} className="flex flex-wrap items-center gap-3 px-4 py-2.5">
              <Link href={`/dashboards/${item.uid}`} className="font-medium text-sky-200 hover:underline">
                {item.title}
              </Link>
              <span className={`rounded px-1.5 py-0.5 text-xs ${item.source === "provisioned" ? "bg-sky-900/60 text-sky-200" : "bg-edge text-slate-300"}`}>
                {item.source === "provisioned" ? "Provisioned" : "Stored"}
              </span>
              <span className="flex flex-wrap gap-1">
                {item.tags.map((itemTag) => (
                  <span key={itemTag} className="rounded bg-edge/70 px-1.5 py-0.5 text-xs text-slate-400">
                    {itemTag}
                  </span>
                ))}
              </span>
              <span className="ml-auto text-xs text-slate-500">{item.updatedAt ? `updated ${new Date(item.updatedAt).toISOString().slice(0, 16).replace("T", " ")} UTC, v${item.version}` : "from the repository"}</span>
            </li>
          ))}
        </ul>
      )}
      {creating ? <NewDashboardDialog onClose={() => setCreating(false)} onCreated={(uid) => router.push(`/dashboards/${uid}?edit=1`)} /> : null}
    </div>
  );
}

function NewDashboardDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (uid: string) => void }) {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!title.trim()) return setError("Give the dashboard a title.");
    try {
      const created = await createDashboardRequest(blankDashboard(uidFromTitle(title, Math.random().toString(36).slice(2, 6)), title.trim()));
      onCreated(created.dashboard.uid);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <WideDialog
      title="New dashboard"
      onClose={onClose}
      footer={
        <button type="button" onClick={submit} className="rounded bg-sky-600 px-3 py-1 text-sm text-white hover:bg-sky-500">
          Create
        </button>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Title
          <input value={title} autoFocus onChange={(event) => setTitle(event.target.value)} className="rounded border border-edge bg-surface px-2 py-1" />
        </label>
      </form>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-rose-300">
          {error}
        </p>
      ) : null}
    </WideDialog>
  );
}
