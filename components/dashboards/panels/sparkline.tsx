import type { Point } from "@/lib/prometheus/parse-sample-values";

export interface SparklineProps {
  points: readonly Point[];
  color: string;
}

/** A small filled line of a series' recent history, behind a stat's value. */
export function Sparkline({ points, color }: SparklineProps) {
  const finite = points.filter(([, value]) => Number.isFinite(value));
  if (finite.length < 2) return null;
  const first = finite[0]?.[0] ?? 0;
  const last = finite[finite.length - 1]?.[0] ?? 1;
  const values = finite.map(([, value]) => value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const x = (t: number) => ((t - first) / (last - first || 1)) * 100;
  const y = (v: number) => 100 - ((v - low) / (high - low || 1)) * 90;
  const line = finite.map(([t, v]) => `${x(t).toFixed(2)},${y(v).toFixed(2)}`).join(" ");
  return (
    <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden className="pointer-events-none absolute inset-x-0 bottom-0 h-1/2 w-full">
      <polygon points={`0,100 ${line} 100,100`} fill={color} opacity={0.18} />
      <polyline points={line} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
