export interface StatProps {
  label: string;
  value: string;
  hint?: string;
}

/** One headline figure with its label; the label names it for screen readers and tests. */
export function Stat({ label, value, hint }: StatProps) {
  return (
    <div className="rounded border border-edge bg-surface px-3 py-2">
      <dt className="text-xs text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-white">{value}</dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}
