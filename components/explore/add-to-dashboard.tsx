"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { slugify } from "@/lib/dashboards/grafana/uid";
import { useAddToDashboard } from "@/lib/queries/explore";
import { fieldErrorsOf } from "@/lib/queries/send-json";

export interface StoredDashboardChoice {
  uid: string;
  title: string;
}

export interface AddToDashboardProps {
  expr: string;
  /** The source Explore queried, kept by the panel. */
  source?: string;
  /** Stored dashboards (provisioned ones are read-only files). */
  dashboards: StoredDashboardChoice[];
  onClose: () => void;
}

const inputClass = "w-full rounded border border-edge bg-surface px-3 py-2 text-sm text-white outline-none focus:border-info";

/** Appends the query as a time series panel to a stored dashboard, or to a new one, then links to it. */
export function AddToDashboard({ expr, source, dashboards, onClose }: AddToDashboardProps) {
  const ids = { title: useId(), legend: useId(), target: useId(), newTitle: useId(), newUid: useId() };
  const router = useRouter();
  const add = useAddToDashboard();
  const [mode, setMode] = useState<"existing" | "new">(dashboards.length ? "existing" : "new");
  const [target, setTarget] = useState(dashboards[0]?.uid ?? "");
  const [newTitle, setNewTitle] = useState("");
  const [newUid, setNewUid] = useState("");
  const [added, setAdded] = useState<{ url: string; title: string }>();
  const errors = fieldErrorsOf(add.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get("title") ?? "").trim() || expr.slice(0, 200);
    const legendFormat = String(form.get("legendFormat") ?? "").trim();
    const panel = { title, expr, ...(legendFormat ? { legendFormat } : {}), ...(source ? { datasource: source } : {}) };
    const uid = mode === "new" ? newUid || slugify(newTitle) : target;
    const dashboardTitle = mode === "new" ? newTitle.trim() : (dashboards.find((item) => item.uid === target)?.title ?? target);
    add.mutate(
      { uid, input: { panel, ...(mode === "new" ? { create: { title: newTitle.trim() } } : {}) } },
      {
        onSuccess: (answer) => {
          setAdded({ url: answer.url, title: dashboardTitle });
          router.refresh();
        },
      },
    );
  }

  return (
    <Dialog title="Add to dashboard" onClose={onClose}>
      {added ? (
        <p role="status" className="text-sm text-emerald-200">
          Added to &quot;{added.title}&quot;.{" "}
          <Link href={added.url} prefetch={false} className="font-medium text-white underline">
            Open the dashboard
          </Link>
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3" aria-label="Add the query to a dashboard">
          <p className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-slate-300">{expr}</p>
          <div>
            <label htmlFor={ids.title} className="mb-1 block text-sm text-slate-300">
              Panel title
            </label>
            <input id={ids.title} name="title" defaultValue={expr.length <= 80 ? expr : ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor={ids.legend} className="mb-1 block text-sm text-slate-300">
              Legend format (optional, e.g. {"{{job}}"})
            </label>
            <input id={ids.legend} name="legendFormat" className={inputClass} />
          </div>
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm text-slate-300">Dashboard</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="mode" checked={mode === "existing"} disabled={!dashboards.length} onChange={() => setMode("existing")} />
              An existing dashboard{dashboards.length ? "" : " (there is no stored dashboard yet)"}
            </label>
            {mode === "existing" ? (
              <select aria-label="Existing dashboard" value={target} onChange={(event) => setTarget(event.target.value)} className={inputClass}>
                {dashboards.map((item) => (
                  <option key={item.uid} value={item.uid}>
                    {item.title} ({item.uid})
                  </option>
                ))}
              </select>
            ) : null}
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="mode" checked={mode === "new"} onChange={() => setMode("new")} />A new dashboard
            </label>
            {mode === "new" ? (
              <div className="grid gap-2 md:grid-cols-2">
                <div>
                  <label htmlFor={ids.newTitle} className="mb-1 block text-xs text-slate-400">
                    New dashboard title
                  </label>
                  <input id={ids.newTitle} value={newTitle} onChange={(event) => setNewTitle(event.target.value)} className={inputClass} />
                </div>
                <div>
                  <label htmlFor={ids.newUid} className="mb-1 block text-xs text-slate-400">
                    Uid
                  </label>
                  <input id={ids.newUid} value={newUid} placeholder={newTitle ? slugify(newTitle) : ""} onChange={(event) => setNewUid(event.target.value)} className={`${inputClass} font-mono`} />
                </div>
              </div>
            ) : null}
          </fieldset>
          {add.isError ? (
            <p role="alert" className="rounded border border-critical/40 bg-critical/10 px-3 py-2 text-sm text-rose-200">
              {Object.keys(errors).length ? Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(" ")}`).join("; ") : add.error.message}
            </p>
          ) : null}
          <button
            type="submit"
            disabled={add.isPending || (mode === "new" && newTitle.trim() === "") || (mode === "existing" && !target)}
            className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60"
          >
            {add.isPending ? "Adding…" : "Add panel"}
          </button>
        </form>
      )}
    </Dialog>
  );
}
