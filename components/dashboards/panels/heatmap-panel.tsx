"use client";

import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { bucketLabel, histogramToHeatmap } from "@/lib/dashboards/heatmap";
import { nearestIndex, timeTickLabel } from "@/lib/dashboards/chart-scale";
import type { Panel } from "@/lib/dashboards/schema";
import { formatValue } from "@/lib/dashboards/units";
import { useDashboardContext } from "../dashboard-context";
import type { PanelData } from "../use-panel-data";

export interface HeatmapPanelProps {
  panel: Extract<Panel, { type: "heatmap" }>;
  data: PanelData;
}

const SCHEMES: Record<string, [number, number, number][]> = {
  oranges: [[30, 20, 10], [253, 141, 60], [255, 245, 235]],
  blues: [[8, 20, 50], [66, 146, 198], [222, 235, 247]],
  greens: [[5, 30, 15], [65, 171, 93], [229, 245, 224]],
  spectral: [[94, 79, 162], [254, 224, 139], [158, 1, 66]],
  viridis: [[68, 1, 84], [33, 145, 140], [253, 231, 37]],
};

function colorAt(scheme: [number, number, number][], fraction: number): string {
  const scaled = Math.max(0, Math.min(1, fraction)) * (scheme.length - 1);
  const index = Math.min(scheme.length - 2, Math.floor(scaled));
  const local = scaled - index;
  const [a, b] = [scheme[index] ?? [0, 0, 0], scheme[index + 1] ?? [0, 0, 0]];
  return `rgb(${a.map((channel, position) => Math.round(channel + ((b[position] ?? 0) - channel) * local)).join(",")})`;
}

const LEFT = 64;
const BOTTOM = 18;

/** Histogram buckets over time on a canvas: one column per step, one row per `le` bucket. */
export function HeatmapPanel({ panel, data }: HeatmapPanelProps) {
  const { fromMs, toMs, timeZone } = useDashboardContext();
  const heatmap = useMemo(() => histogramToHeatmap(data.frames), [data.frames]);
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [hover, setHover] = useState<{ time: number; bucket: number; x: number; y: number } | null>(null);
  const unit = panel.fieldConfig.defaults.unit;

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(size.width * ratio);
    canvas.height = Math.floor(size.height * ratio);
    const context = canvas.getContext("2d");
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.width, size.height);
    const plotWidth = size.width - LEFT;
    const plotHeight = size.height - BOTTOM;
    const rows = heatmap.buckets.length;
    if (rows === 0) return;
    const span = Math.max(1, toMs - fromMs);
    const step = heatmap.times.length > 1 ? (heatmap.times[1] ?? 0) - (heatmap.times[0] ?? 0) : span;
    const cellWidth = Math.max(1, (step / span) * plotWidth);
    const cellHeight = plotHeight / rows;
    const scheme = SCHEMES[panel.options.colorScheme] ?? SCHEMES.oranges ?? [];
    const max = heatmap.maxCell || 1;
    heatmap.times.forEach((t, column) => {
      const x = LEFT + ((t - fromMs) / span) * plotWidth - cellWidth;
      heatmap.cells[column]?.forEach((cell, row) => {
        if (cell === null || cell <= 0) return;
        context.fillStyle = colorAt(scheme, Math.sqrt(cell / max));
        context.fillRect(x, plotHeight - (row + 1) * cellHeight, cellWidth + 0.5, cellHeight - 0.5);
      });
    });
    context.fillStyle = "#64748b";
    context.font = "10px ui-sans-serif, system-ui, sans-serif";
    context.textAlign = "right";
    context.textBaseline = "middle";
    const every = Math.max(1, Math.ceil(rows / Math.max(1, Math.floor(plotHeight / 14))));
    heatmap.buckets.forEach((bucket, row) => {
      if (row % every !== 0) return;
      const text = bucket.upper === Number.POSITIVE_INFINITY ? "+Inf" : formatValue(bucket.upper, unit);
      context.fillText(text, LEFT - 4, plotHeight - (row + 0.5) * cellHeight);
    });
    context.textAlign = "center";
    context.textBaseline = "top";
    for (let index = 0; index <= 4; index += 1) {
      const t = fromMs + (span * index) / 4;
      context.fillText(timeTickLabel(t, span, timeZone), Math.min(size.width - 20, Math.max(LEFT + 20, LEFT + (plotWidth * index) / 4)), plotHeight + 4);
    }
  }, [heatmap, size, fromMs, toMs, panel.options.colorScheme, unit, timeZone]);

  if (heatmap.buckets.length === 0) {
    return <p className="py-6 text-center text-sm text-slate-400">No `le` buckets in the result. A heatmap needs a histogram query such as sum by (le) (rate(x_bucket[$__rate_interval])).</p>;
  }
  const hovered = hover ? heatmap.cells[hover.time]?.[hover.bucket] : undefined;
  const hoveredBucket = hover ? heatmap.buckets[hover.bucket] : undefined;
  return (
    <div ref={containerRef} className="relative h-full w-full" role="img" aria-label={panel.title || "Heatmap"}>
      <canvas
        ref={canvasRef}
        className="absolute inset-0 h-full w-full"
        onPointerMove={(event) => {
          const rect = event.currentTarget.getBoundingClientRect();
          const x = event.clientX - rect.left;
          const y = event.clientY - rect.top;
          const plotHeight = rect.height - BOTTOM;
          const t = fromMs + ((x - LEFT) / (rect.width - LEFT)) * (toMs - fromMs);
          const bucket = Math.floor(((plotHeight - y) / plotHeight) * heatmap.buckets.length);
          if (x < LEFT || bucket < 0 || bucket >= heatmap.buckets.length) return setHover(null);
          setHover({ time: nearestIndex(heatmap.times, t), bucket, x, y });
        }}
        onPointerLeave={() => setHover(null)}
      />
      {hover && hoveredBucket ? (
        <div role="tooltip" className="pointer-events-none absolute z-20 rounded border border-edge bg-surface/95 px-2 py-1 text-xs" style={{ left: Math.min(hover.x + 10, size.width - 160), top: Math.max(0, hover.y - 40) }}>
          <p className="text-slate-400">{new Date(heatmap.times[hover.time] ?? 0).toLocaleString(undefined, timeZone === "utc" ? { timeZone: "UTC" } : undefined)}</p>
          <p>
            Bucket {bucketLabel(hoveredBucket, heatmap.buckets[hover.bucket - 1])}: <span className="font-mono">{formatValue(hovered ?? null, "short")}</span>
          </p>
        </div>
      ) : null}
    </div>
  );
}
