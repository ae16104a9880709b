import { burnLevel, FLAG_HELP, FLAG_LABEL, formatBurn, formatPercent, HEALTH_LABEL, type Health } from "@/lib/slo/view";
import type { Flag } from "@/lib/slo/compute";
import type { BurnWindow } from "@/lib/slo/model";

const HEALTH_STYLE: Record<Health, string> = {
  page: "border-critical/50 bg-critical/15 text-rose-200",
  ticket: "border-warning/50 bg-warning/15 text-amber-200",
  exhausted: "border-critical/40 bg-critical/10 text-rose-200",
  ok: "border-ok/40 bg-ok/10 text-emerald-200",
  "no-data": "border-slate-500/40 bg-slate-500/10 text-slate-300",
};

export interface HealthBadgeProps {
  health: Health;
}

export function HealthBadge({ health }: HealthBadgeProps) {
  return <span className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs ${HEALTH_STYLE[health]}`}>{HEALTH_LABEL[health]}</span>;
}

export interface BudgetBarProps {
  remaining: number | null;
}

/** Remaining error budget as a bar; below zero it shows how far over, never an empty bar that reads as "fine". */
export function BudgetBar({ remaining }: BudgetBarProps) {
  if (remaining === null) return <span className="text-xs text-slate-400">no data</span>;
  const width = Math.max(0, Math.min(1, remaining)) * 100;
  const colour = remaining <= 0 ? "bg-critical" : remaining < 0.25 ? "bg-warning" : "bg-ok";
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div
        role="meter"
        aria-label="Error budget remaining"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.max(0, Math.min(1, remaining)) * 100)}
        aria-valuetext={formatPercent(remaining, 1)}
        className="h-2 w-24 overflow-hidden rounded bg-edge"
      >
        <div className={`h-full ${colour}`} style={{ width: `${width}%` }} />
      </div>
      <span className={`text-xs tabular-nums ${remaining <= 0 ? "text-rose-300" : "text-slate-200"}`}>{formatPercent(remaining, 1)}</span>
    </div>
  );
}

const BURN_STYLE = {
  none: "text-slate-500",
  calm: "text-slate-300",
  elevated: "text-amber-200",
  ticket: "bg-warning/20 text-amber-100",
  page: "bg-critical/25 text-rose-100",
} as const;

export interface BurnBadgeProps {
  window: BurnWindow;
  rate: number | null;
  windowDays?: number;
}

export function BurnBadge({ window, rate, windowDays = 30 }: BurnBadgeProps) {
  const level = burnLevel(window, rate, windowDays);
  return (
    <span title={`Burn rate over ${window}`} className={`inline-block rounded px-1 text-xs tabular-nums ${BURN_STYLE[level]}`}>
      <span className="sr-only">{window}: </span>
      {formatBurn(rate)}
    </span>
  );
}

export interface FlagBadgesProps {
  flags: readonly Flag[];
}

export function FlagBadges({ flags }: FlagBadgesProps) {
  if (flags.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((flag) => (
        <span key={flag} title={FLAG_HELP[flag]} className="rounded border border-slate-500/40 px-1 text-[11px] text-slate-300">
          {FLAG_LABEL[flag]}
        </span>
      ))}
    </span>
  );
}

/** The window length in days for threshold colours: calendar months use 30. */
export function windowDays(window: string): number {
  const days = /^(\d+)d$/.exec(window)?.[1];
  return days ? Number(days) : 30;
}
