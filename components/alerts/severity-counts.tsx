import type { SeverityTally } from "@/lib/alerts/group";

export interface SeverityCountsProps {
  counts: SeverityTally;
  total: number;
  groups: number;
}

const TILES: Array<[keyof SeverityTally, string, string]> = [
  ["critical", "Critical", "border-critical/50 text-rose-300"],
  ["warning", "Warning", "border-warning/50 text-amber-300"],
  ["info", "Info", "border-info/50 text-sky-300"],
  ["none", "No severity", "border-slate-600 text-slate-300"],
];

/** Counts of the alerts the filters let through, by severity. */
export function SeverityCounts({ counts, total, groups }: SeverityCountsProps) {
  return (
    <dl aria-label="Alert counts" className="mb-3 flex flex-wrap gap-2 text-center">
      {TILES.map(([key, label, style]) => (
        <div key={key} className={`min-w-24 rounded border bg-surface px-3 py-1.5 ${style}`}>
          <dt className="text-[10px] uppercase tracking-wide">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{counts[key]}</dd>
        </div>
      ))}
      <div className="min-w-24 rounded border border-edge bg-surface px-3 py-1.5 text-slate-300">
        <dt className="text-[10px] uppercase tracking-wide">Shown</dt>
        <dd className="text-lg font-semibold tabular-nums">
          {total} <span className="text-xs font-normal text-slate-400">in {groups} group{groups === 1 ? "" : "s"}</span>
        </dd>
      </div>
    </dl>
  );
}
