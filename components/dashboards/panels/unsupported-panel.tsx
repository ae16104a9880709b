import type { Panel } from "@/lib/dashboards/schema";

export interface UnsupportedPanelProps {
  panel: Extract<Panel, { type: "unsupported" }>;
}

/** A panel Vigil cannot draw: what it was, why, and its queries, so nothing is lost silently. */
export function UnsupportedPanel({ panel }: UnsupportedPanelProps) {
  return (
    <div className="h-full overflow-auto text-xs text-slate-300">
      <p className="mb-2">
        Grafana <span className="font-mono">{panel.options.originalType}</span> panel, not drawn: {panel.options.reason}
      </p>
      {panel.targets.length ? (
        <ul className="space-y-1">
          {panel.targets.map((target) => (
            <li key={target.refId} className="rounded bg-surface px-2 py-1 font-mono break-all">
              <span className="text-slate-500">{target.refId}: </span>
              {target.expr}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-500">It had no queries.</p>
      )}
    </div>
  );
}
