"use client";

import type { Panel } from "@/lib/dashboards/schema";
import { reduce, seriesColor, thresholdColor } from "@/lib/dashboards/series";
import { formatValueParts } from "@/lib/dashboards/units";
import type { PanelData } from "../use-panel-data";
import { Sparkline } from "./sparkline";

export interface StatPanelProps {
  panel: Extract<Panel, { type: "stat" }>;
  data: PanelData;
}

/** One big number per series, coloured by thresholds, with a sparkline of the range behind it. */
export function StatPanel({ panel, data }: StatPanelProps) {
  const frames = data.frames.slice(0, 24);
  const columns = Math.min(frames.length, frames.length > 4 ? 4 : frames.length) || 1;
  return (
    <div className="grid h-full gap-1.5" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {frames.map((frame, index) => {
        const settings = { ...panel.fieldConfig.defaults, ...frame.settings };
        const value = reduce(frame.points, panel.options.reduce);
        const color = thresholdColor(value, settings.thresholds, settings.min, settings.max) ?? seriesColor(index, frame.settings);
        const parts = formatValueParts(value, settings.unit, settings.decimals);
        const background = panel.options.colorMode === "background";
        return (
          <div
            key={`${frame.refId}-${index}`}
            className="relative flex min-h-0 flex-col items-center justify-center overflow-hidden rounded"
            style={background ? { background: color } : undefined}
          >
            {panel.options.graphMode === "area" ? <Sparkline points={frame.points} color={background ? "#ffffff" : color} /> : null}
            {frames.length > 1 ? <p className={`relative z-10 max-w-full truncate text-xs ${background ? "text-white/90" : "text-slate-400"}`}>{frame.name}</p> : null}
            <p
              className="relative z-10 font-semibold leading-tight"
              style={{ color: background || panel.options.colorMode === "none" ? undefined : color, fontSize: frames.length > 2 ? "1.4rem" : "2.2rem" }}
              data-testid="stat-value"
            >
              {parts.prefix}
              {parts.text}
              <span className="text-[0.6em] font-normal">{parts.suffix}</span>
            </p>
          </div>
        );
      })}
    </div>
  );
}
