"use client";

import { useEffect, useRef, useState } from "react";
import { cellAt, drawHeatmap, type HeatmapLayout } from "@/lib/gpu/draw-heatmap";
import type { Heatmap } from "@/lib/gpu/heatmap";

export interface HeatmapCanvasProps {
  heatmap: Heatmap;
}

/** GPU × time utilisation on a <canvas>; hovering names the GPU, the time and the value. */
export function HeatmapCanvas({ heatmap }: HeatmapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [layout, setLayout] = useState<HeatmapLayout>();
  const [hover, setHover] = useState<string>();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0]?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (canvas.current && width > 0) setLayout(drawHeatmap(canvas.current, heatmap, width));
  }, [heatmap, width]);

  function describe(event: React.MouseEvent<HTMLCanvasElement>) {
    if (!layout) return;
    const box = event.currentTarget.getBoundingClientRect();
    const cell = cellAt(layout, heatmap, event.clientX - box.left, event.clientY - box.top);
    if (!cell) return setHover(undefined);
    const gpu = heatmap.gpus[cell.row];
    const value = heatmap.rows[cell.row]?.[cell.column];
    const at = new Date((heatmap.start + cell.column * heatmap.step) * 1000).toLocaleString();
    setHover(`${gpu?.node ?? "?"} GPU ${gpu?.gpu ?? "?"}${gpu?.modelName ? ` (${gpu.modelName})` : ""} at ${at}: ${value === null || value === undefined ? "no data" : `${value} %`}`);
  }

  return (
    <div ref={container}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Utilisation heatmap of ${heatmap.gpus.length} GPUs over ${Math.round((heatmap.columns * heatmap.step) / 3600)} h`}
        onMouseMove={describe}
        onMouseLeave={() => setHover(undefined)}
      />
      <p className="mt-1 h-4 text-xs text-slate-400" aria-live="polite">
        {hover ?? "Idle dark blue → busy teal → yellow → saturated red; hover a cell for its value."}
      </p>
    </div>
  );
}
