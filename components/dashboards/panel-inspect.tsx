"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { framesToCsv } from "@/lib/dashboards/csv";
import type { Panel } from "@/lib/dashboards/schema";
import type { PanelData } from "./use-panel-data";
import { WideDialog } from "./wide-dialog";

export interface PanelInspectProps {
  panel: Panel;
  data: PanelData;
  onClose: () => void;
}

/** Starts a download of the panel's data as CSV. */
export function downloadCsv(panel: Panel, data: PanelData): void {
  const instant = data.planned.every((target) => target.query.kind === "instant");
  const blob = new Blob([framesToCsv(data.frames, instant ? "series" : "wide")], { type: "text/csv" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${(panel.title || panel.id).replace(/[^A-Za-z0-9_-]+/g, "-")}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The source that answered (the server says which), else the one the panel asks. */
function answeredBy(data: PanelData): string {
  const answered = [...new Set(data.results.flatMap(({ result }) => (result?.response.source ? [result.response.source] : [])))];
  return answered.length ? answered.join(", ") : (data.source ?? "default");
}

/** What a panel asked and got: each resolved PromQL, its request, time taken, and the raw answer. */
export function PanelInspect({ panel, data, onClose }: PanelInspectProps) {
  const [tab, setTab] = useState<"query" | "response">("query");
  return (
    <WideDialog
      title={`Inspect: ${panel.title || panel.id}`}
      onClose={onClose}
      footer={
        <button type="button" onClick={() => downloadCsv(panel, data)} className="rounded border border-edge px-3 py-1.5 text-sm hover:text-white">
          Download CSV
        </button>
      }
    >
      <div role="tablist" aria-label="Inspect" className="mb-3 flex gap-2 text-sm">
        {(["query", "response"] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} className={`rounded px-3 py-1 ${tab === name ? "bg-edge text-white" : "text-slate-400"}`}>
            {name === "query" ? "Queries" : "Raw response"}
          </button>
        ))}
      </div>
      {data.results.length > 0 ? (
        <p className="mb-3 text-sm text-slate-300">
          Source: <span className="font-mono text-white" data-testid="inspect-source">{answeredBy(data)}</span>
        </p>
      ) : null}
      {data.results.length === 0 ? <p className="text-sm text-slate-400">This panel runs no queries.</p> : null}
      <div className="space-y-4">
        {data.results.map(({ target, result, error }) => (
          <section key={target.refId} aria-label={`Query ${target.refId}`} className="rounded border border-edge p-3">
            <div className="mb-2 flex flex-wrap items-center gap-3 text-xs text-slate-400">
              <span className="font-semibold text-white">{target.refId}</span>
              <span>{target.query.kind === "range" ? `range, step ${target.query.step}s` : "instant"}</span>
              {result ? <span>took {result.tookMs} ms</span> : null}
              {result?.response.source ? <span>answered by {result.response.source}</span> : null}
              {result ? <span>{result.response.data.result.length} series</span> : null}
              {error ? <span className="text-rose-300">failed</span> : null}
            </div>
            {tab === "query" ? (
              <>
                <p className="mb-1 text-xs text-slate-500">Resolved PromQL</p>
                <pre className="mb-2 overflow-x-auto whitespace-pre-wrap break-all rounded bg-surface p-2 font-mono text-xs" data-testid="resolved-query">
                  {target.query.expr}
                </pre>
                <CopyButton text={target.query.expr} label={`Copy query ${target.refId}`} />
                {result ? <p className="mt-2 break-all font-mono text-xs text-slate-500">GET {result.url}</p> : null}
                {error ? <p className="mt-2 text-sm text-rose-200">{error.message}</p> : null}
              </>
            ) : (
              <pre className="max-h-96 overflow-auto rounded bg-surface p-2 font-mono text-xs">{result ? JSON.stringify(result.response, null, 2).slice(0, 200_000) : error ? error.message : "Loading…"}</pre>
            )}
          </section>
        ))}
      </div>
    </WideDialog>
  );
}
