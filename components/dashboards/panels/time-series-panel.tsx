"use client";

import { useCallback, useMemo, useState } from "react";
import type { Panel } from "@/lib/dashboards/schema";
import { alignFrames, reduce, seriesColor } from "@/lib/dashboards/series";
import { formatValue } from "@/lib/dashboards/units";
import { CanvasTimeSeries, type CanvasSeries } from "../canvas-time-series";
import { useDashboardContext } from "../dashboard-context";
import type { PanelData } from "../use-panel-data";
import { Legend } from "./legend";

export interface TimeSeriesPanelProps {
  panel: Extract<Panel, { type: "timeseries" }>;
  data: PanelData;
}

export function TimeSeriesPanel({ panel, data }: TimeSeriesPanelProps) {
  const { fromMs, toMs, timeZone, onZoom } = useDashboardContext();
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const { options } = panel;
  const defaults = panel.fieldConfig.defaults;
  const aligned = useMemo(() => alignFrames(data.frames), [data.frames]);
  const all = useMemo(
    () =>
      data.frames.map((frame, index) => {
        const unit = frame.settings.unit ?? defaults.unit;
        const decimals = frame.settings.decimals ?? defaults.decimals;
        return { name: frame.name, color: seriesColor(index, frame.settings), values: aligned.values[index] ?? [], format: (value: number | null) => formatValue(value, unit, decimals) };
      }),
    [data.frames, aligned, defaults.unit, defaults.decimals],
  );
  const visible: CanvasSeries[] = useMemo(() => all.filter((_, index) => !hidden.has(index)), [all, hidden]);
  const formatAxis = useCallback(
    (value: number) => (options.stacking === "percent" ? `${Math.round(value)}%` : formatValue(value, defaults.unit, defaults.decimals)),
    [options.stacking, defaults.unit, defaults.decimals],
  );
  const legendItems = useMemo(
    () =>
      all.map((item, index) => ({
        name: item.name,
        color: item.color,
        calcs: options.legend.calcs.map((reducer) => ({ reducer, text: item.format(reduce(data.frames[index]?.points ?? [], reducer)) })),
      })),
    [all, options.legend.calcs, data.frames],
  );
  const toggle = (index: number, only: boolean) =>
    setHidden((current) => {
      if (only) {
        const alreadyOnly = current.size === all.length - 1 && !current.has(index);
        return alreadyOnly ? new Set() : new Set(all.map((_, position) => position).filter((position) => position !== index));
      }
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const right = options.legend.placement === "right";
  return (
    <div className={`flex h-full min-h-0 gap-2 ${right ? "flex-row" : "flex-col"}`}>
      <div className="min-h-0 min-w-0 flex-1">
        <CanvasTimeSeries
          label={panel.title || "Time series"}
          times={aligned.times}
          series={visible}
          fromMs={fromMs}
          toMs={toMs}
          drawStyle={options.drawStyle}
          stacking={options.stacking}
          fillOpacity={options.fillOpacity}
          lineWidth={options.lineWidth}
          min={defaults.min}
          max={defaults.max}
          formatAxis={formatAxis}
          timeZone={timeZone}
          onZoom={onZoom}
        />
      </div>
      {options.legend.show && all.length > 0 ? (
        <div className={right ? "w-1/3 min-w-0 overflow-y-auto" : ""}>
          <Legend items={legendItems} calcs={options.legend.calcs} hidden={hidden} onToggle={toggle} />
        </div>
      ) : null}
    </div>
  );
}
