"use client";

import type { Panel, Thresholds } from "@/lib/dashboards/schema";
import { cssColor, reduce, seriesColor, thresholdColor } from "@/lib/dashboards/series";
import { formatValue } from "@/lib/dashboards/units";
import type { PanelData } from "../use-panel-data";

export interface GaugePanelProps {
  panel: Extract<Panel, { type: "gauge" }>;
  data: PanelData;
}

const START = -210;
const SWEEP = 240;

function polar(angle: number, radius: number): [number, number] {
  const radians = ((angle - 90) * Math.PI) / 180;
  return [50 + radius * Math.cos(radians), 55 + radius * Math.sin(radians)];
}

function arc(from: number, to: number, radius: number): string {
  const [x1, y1] = polar(from, radius);
  const [x2, y2] = polar(to, radius);
  return `M ${x1} ${y1} A ${radius} ${radius} 0 ${to - from > 180 ? 1 : 0} 1 ${x2} ${y2}`;
}

/** Default ends: 0-1 for ratios, 0-100 otherwise, as Grafana does for percent units. */
export function gaugeBounds(unit: string | undefined, min: number | undefined, max: number | undefined): [number, number] {
  return [min ?? 0, max ?? (unit === "percentunit" ? 1 : 100)];
}

function thresholdArcs(thresholds: Thresholds | undefined, low: number, high: number) {
  if (!thresholds) return [];
  const steps = thresholds.steps;
  return steps.map((step, index) => {
    const toFraction = (value: number | null) => {
      if (value === null) return 0;
      const absolute = thresholds.mode === "percentage" ? low + ((high - low) * value) / 100 : value;
      return Math.max(0, Math.min(1, (absolute - low) / (high - low || 1)));
    };
    const next = steps[index + 1];
    return { color: cssColor(step.color), from: toFraction(step.value), to: next ? toFraction(next.value) : 1 };
  });
}

export function GaugePanel({ panel, data }: GaugePanelProps) {
  const frames = data.frames.slice(0, 12);
  return (
    <div className="grid h-full gap-2" style={{ gridTemplateColumns: `repeat(${Math.min(4, frames.length) || 1}, minmax(0, 1fr))` }}>
      {frames.map((frame, index) => {
        const settings = { ...panel.fieldConfig.defaults, ...frame.settings };
        const [low, high] = gaugeBounds(settings.unit, settings.min, settings.max);
        const value = reduce(frame.points, panel.options.reduce);
        const fraction = value === null ? 0 : Math.max(0, Math.min(1, (value - low) / (high - low || 1)));
        const color = thresholdColor(value, settings.thresholds, low, high) ?? seriesColor(index, frame.settings);
        return (
          <figure key={index} className="flex min-h-0 flex-col items-center justify-center" aria-label={`${frame.name}: ${formatValue(value, settings.unit, settings.decimals)}`}>
            <svg viewBox="0 0 100 90" className="h-full max-h-full w-full">
              <path d={arc(START, START + SWEEP, 38)} stroke="#1e2b44" strokeWidth={10} fill="none" />
              {panel.options.showThresholdMarkers
                ? thresholdArcs(settings.thresholds, low, high).map((item, position) =>
                    item.to > item.from ? <path key={position} d={arc(START + SWEEP * item.from, START + SWEEP * item.to, 46)} stroke={item.color} strokeWidth={3} fill="none" /> : null,
                  )
                : null}
              {fraction > 0 ? <path d={arc(START, START + SWEEP * Math.max(fraction, 0.002), 38)} stroke={color} strokeWidth={10} fill="none" /> : null}
              <text x={50} y={60} textAnchor="middle" fill={color} fontSize={13} fontWeight={600}>
                {formatValue(value, settings.unit, settings.decimals)}
              </text>
            </svg>
            {frames.length > 1 ? <figcaption className="max-w-full truncate text-xs text-slate-400">{frame.name}</figcaption> : null}
          </figure>
        );
      })}
    </div>
  );
}
