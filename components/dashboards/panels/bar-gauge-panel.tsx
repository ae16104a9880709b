"use client";

import type { Panel } from "@/lib/dashboards/schema";
import { reduce, seriesColor, thresholdColor } from "@/lib/dashboards/series";
import { formatValue } from "@/lib/dashboards/units";
import type { PanelData } from "../use-panel-data";
import { gaugeBounds } from "./gauge-panel";

export interface BarGaugePanelProps {
  panel: Extract<Panel, { type: "bargauge" }>;
  data: PanelData;
}

/** One bar per series, filled to its value between min and max, coloured by thresholds. */
export function BarGaugePanel({ panel, data }: BarGaugePanelProps) {
  const vertical = panel.options.orientation === "vertical";
  const rows = data.frames.map((frame, index) => {
    const settings = { ...panel.fieldConfig.defaults, ...frame.settings };
    const value = reduce(frame.points, panel.options.reduce);
    return { frame, index, settings, value };
  });
  const dataMax = Math.max(0, ...rows.map((row) => row.value ?? 0));
  return (
    <ul className={`flex h-full min-h-0 gap-1.5 overflow-auto ${vertical ? "flex-row items-end" : "flex-col"}`}>
      {rows.map(({ frame, index, settings, value }) => {
        const [low, high] = gaugeBounds(settings.unit, settings.min, settings.max ?? (settings.unit === "percent" || settings.unit === "percentunit" ? undefined : dataMax || 1));
        const fraction = value === null ? 0 : Math.max(0, Math.min(1, (value - low) / (high - low || 1)));
        const color = thresholdColor(value, settings.thresholds, low, high) ?? seriesColor(index, frame.settings);
        const fill =
          panel.options.displayMode === "gradient"
            ? `linear-gradient(${vertical ? "to top" : "to right"}, ${color}33, ${color})`
            : panel.options.displayMode === "lcd"
              ? `repeating-linear-gradient(${vertical ? "to top" : "to right"}, ${color} 0 6px, transparent 6px 8px)`
              : color;
        const text = formatValue(value, settings.unit, settings.decimals);
        return vertical ? (
          <li key={index} className="flex h-full min-w-8 flex-1 flex-col items-center gap-1" aria-label={`${frame.name}: ${text}`}>
            <span className="text-xs font-semibold" style={{ color }}>
              {text}
            </span>
            <div className="relative w-full flex-1 rounded bg-edge/60">
              <div className="absolute inset-x-0 bottom-0 rounded" style={{ height: `${fraction * 100}%`, background: fill }} />
            </div>
            <span className="max-w-full truncate text-xs text-slate-400">{frame.name}</span>
          </li>
        ) : (
          <li key={index} className="flex min-h-5 flex-1 items-center gap-2" aria-label={`${frame.name}: ${text}`}>
            <span className="w-1/4 truncate text-xs text-slate-400" title={frame.name}>
              {frame.name}
            </span>
            <div className="relative h-full max-h-8 min-h-3 flex-1 rounded bg-edge/60">
              <div className="absolute inset-y-0 left-0 rounded" style={{ width: `${fraction * 100}%`, background: fill }} />
            </div>
            <span className="w-20 text-right text-xs font-semibold" style={{ color }}>
              {text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
