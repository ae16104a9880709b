"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { nearestIndex, niceTicks, timeTickLabel, timeTicks, valueRange } from "@/lib/dashboards/chart-scale";
import { stackValues } from "@/lib/dashboards/series";

export interface CanvasSeries {
  name: string;
  color: string;
  values: ReadonlyArray<number | null>;
  format: (value: number | null) => string;
}

export interface CanvasTimeSeriesProps {
  /** Accessible name of the chart. */
  label: string;
  times: readonly number[];
  series: readonly CanvasSeries[];
  /** The range asked for: the x axis spans it even where data is missing. */
  fromMs: number;
  toMs: number;
  drawStyle?: "line" | "bars" | "points";
  stacking?: "none" | "normal" | "percent";
  fillOpacity?: number;
  lineWidth?: number;
  min?: number;
  max?: number;
  formatAxis: (value: number) => string;
  timeZone: "browser" | "utc";
  /** Dragging across the plot selects a range; without this, dragging does nothing. */
  onZoom?: (fromMs: number, toMs: number) => void;
  /** Called after each full draw with the milliseconds it took (bench and inspector). */
  onDrawn?: (ms: number) => void;
}

const MIN_AXIS_LEFT = 36;
const AXIS_BOTTOM = 20;
const PAD_TOP = 6;
const PAD_RIGHT = 8;
const GRID = "#1e2b44";
const TEXT = "#64748b";

interface Layout {
  left: number;
  width: number;
  height: number;
  plotWidth: number;
  plotHeight: number;
  yMin: number;
  yMax: number;
  x: (t: number) => number;
  y: (v: number) => number;
}

/**
 * Time series drawn on a canvas: lines, stacked areas, bars or points; thousands of points per
 * series stay cheap. Hovering shows every series' value at the nearest time; dragging zooms.
 */
export function CanvasTimeSeries(props: CanvasTimeSeriesProps) {
  const { label, times, series, fromMs, toMs, drawStyle = "line", stacking = "none", fillOpacity = 0, lineWidth = 1, min, max, formatAxis, timeZone, onZoom, onDrawn } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ width: number; height: number }>({ width: 0, height: 0 });
  const [hover, setHover] = useState<{ index: number; px: number; py: number } | null>(null);
  const dragStart = useRef<number | null>(null);
  const layoutRef = useRef<Layout | null>(null);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const drawn = useMemo(() => {
    const raw = series.map((item) => item.values);
    return stacking === "none" ? raw : stackValues(raw, stacking);
  }, [series, stacking]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0 || size.height === 0) return;
    const started = performance.now();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(size.width * ratio);
    canvas.height = Math.floor(size.height * ratio);
    const context = canvas.getContext("2d");
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.width, size.height);

    const filled = drawStyle === "bars" || fillOpacity > 0 || stacking !== "none";
    const range = valueRange(drawn, { includeZero: filled, min, max: max ?? (stacking === "percent" ? 100 : undefined) });
    const plotHeight = Math.max(10, size.height - PAD_TOP - AXIS_BOTTOM);
    const yTicks = niceTicks(range, Math.max(2, Math.floor(plotHeight / 40)), { fixedMin: min !== undefined, fixedMax: max !== undefined });
    context.font = "11px ui-sans-serif, system-ui, sans-serif";
    const yLabels = yTicks.ticks.map((tick) => formatAxis(tick));
    // The axis is as wide as its longest label, so "1.2k tokens/s" is never cut off.
    const AXIS_LEFT = Math.min(size.width / 3, Math.max(MIN_AXIS_LEFT, ...yLabels.map((text) => context.measureText(text).width + 12)));
    const plotWidth = Math.max(10, size.width - AXIS_LEFT - PAD_RIGHT);
    const yMin = yTicks.min;
    const yMax = yTicks.max === yMin ? yMin + 1 : yTicks.max;
    const span = Math.max(1, toMs - fromMs);
    const x = (t: number) => AXIS_LEFT + ((t - fromMs) / span) * plotWidth;
    const y = (v: number) => PAD_TOP + plotHeight - ((v - yMin) / (yMax - yMin)) * plotHeight;
    layoutRef.current = { left: AXIS_LEFT, width: size.width, height: size.height, plotWidth, plotHeight, yMin, yMax, x, y };

    context.lineWidth = 1;
    context.strokeStyle = GRID;
    context.fillStyle = TEXT;
    context.textAlign = "right";
    context.textBaseline = "middle";
    yTicks.ticks.forEach((tick, index) => {
      const py = Math.round(y(tick)) + 0.5;
      context.beginPath();
      context.moveTo(AXIS_LEFT, py);
      context.lineTo(AXIS_LEFT + plotWidth, py);
      context.stroke();
      context.fillText(yLabels[index] ?? "", AXIS_LEFT - 6, py);
    });
    const offset = timeZone === "utc" ? 0 : -new Date(fromMs).getTimezoneOffset();
    context.textAlign = "center";
    context.textBaseline = "top";
    for (const tick of timeTicks(fromMs, toMs, Math.max(2, Math.floor(plotWidth / 90)), offset)) {
      const px = Math.round(x(tick)) + 0.5;
      context.beginPath();
      context.moveTo(px, PAD_TOP);
      context.lineTo(px, PAD_TOP + plotHeight);
      context.stroke();
      context.fillText(timeTickLabel(tick, span, timeZone), px, PAD_TOP + plotHeight + 4);
    }

    context.save();
    context.beginPath();
    context.rect(AXIS_LEFT, PAD_TOP, plotWidth, plotHeight);
    context.clip();
    const step = times.length > 1 ? ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / (times.length - 1) : span;
    const barWidth = Math.max(1, (step / span) * plotWidth * 0.8 / (stacking === "none" ? Math.max(1, series.length) : 1));
    drawn.forEach((values, seriesIndex) => {
      const color = series[seriesIndex]?.color ?? "#38bdf8";
      const below = stacking !== "none" && seriesIndex > 0 ? drawn[seriesIndex - 1] : undefined;
      context.strokeStyle = color;
      context.fillStyle = color;
      context.lineWidth = lineWidth;
      if (drawStyle === "bars") {
        const zero = y(Math.max(yMin, Math.min(yMax, 0)));
        for (let index = 0; index < times.length; index += 1) {
          const value = values[index];
          if (value === null || value === undefined) continue;
          const base = below ? y(below[index] ?? 0) : zero;
          const offsetX = stacking === "none" ? (seriesIndex - series.length / 2) * barWidth : -barWidth / 2;
          const top = y(value);
          context.fillRect(x(times[index] ?? 0) + offsetX, Math.min(top, base), barWidth, Math.abs(base - top));
        }
        return;
      }
      if (drawStyle === "points") {
        for (let index = 0; index < times.length; index += 1) {
          const value = values[index];
          if (value === null || value === undefined) continue;
          context.fillRect(x(times[index] ?? 0) - 1.5, y(value) - 1.5, 3, 3);
        }
        return;
      }
      // Lines break at nulls; areas fill down to the series below (stacked) or to zero.
      let open = false;
      let segmentStart = -1;
      const fill = fillOpacity > 0 || stacking !== "none";
      const closeArea = (end: number) => {
        if (!fill || segmentStart < 0) return;
        const path = new Path2D();
        for (let index = segmentStart; index <= end; index += 1) {
          const value = values[index];
          if (value === null || value === undefined) continue;
          const px = x(times[index] ?? 0);
          if (index === segmentStart) path.moveTo(px, y(value));
          else path.lineTo(px, y(value));
        }
        for (let index = end; index >= segmentStart; index -= 1) {
          const base = below ? (below[index] ?? 0) : Math.max(yMin, 0);
          path.lineTo(x(times[index] ?? 0), y(base));
        }
        path.closePath();
        context.globalAlpha = Math.max(0.05, (fillOpacity || 40) / 100);
        context.fill(path);
        context.globalAlpha = 1;
      };
      context.beginPath();
      for (let index = 0; index < times.length; index += 1) {
        const value = values[index];
        if (value === null || value === undefined) {
          if (open) closeArea(index - 1);
          open = false;
          continue;
        }
        const px = x(times[index] ?? 0);
        const py = y(value);
        if (!open) {
          context.moveTo(px, py);
          segmentStart = index;
          open = true;
        } else context.lineTo(px, py);
      }
      context.stroke();
      if (open) closeArea(times.length - 1);
    });
    context.restore();
    onDrawn?.(performance.now() - started);
  }, [drawn, series, times, size, fromMs, toMs, drawStyle, stacking, fillOpacity, lineWidth, min, max, formatAxis, timeZone, onDrawn]);

  const drawOverlay = useCallback(
    (cursorX: number | null, selectFrom: number | null) => {
      const overlay = overlayRef.current;
      const layout = layoutRef.current;
      if (!overlay || !layout) return;
      const ratio = window.devicePixelRatio || 1;
      if (overlay.width !== Math.floor(layout.width * ratio)) {
        overlay.width = Math.floor(layout.width * ratio);
        overlay.height = Math.floor(layout.height * ratio);
      }
      const context = overlay.getContext("2d");
      if (!context) return;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, layout.width, layout.height);
      if (cursorX === null) return;
      if (selectFrom !== null) {
        context.fillStyle = "rgba(148, 163, 184, 0.15)";
        context.fillRect(Math.min(selectFrom, cursorX), PAD_TOP, Math.abs(cursorX - selectFrom), layout.plotHeight);
      }
      context.strokeStyle = "rgba(226, 232, 240, 0.5)";
      context.beginPath();
      context.moveTo(Math.round(cursorX) + 0.5, PAD_TOP);
      context.lineTo(Math.round(cursorX) + 0.5, PAD_TOP + layout.plotHeight);
      context.stroke();
    },
    [],
  );

  const timeAt = (px: number) => {
    const layout = layoutRef.current;
    if (!layout) return fromMs;
    return fromMs + ((px - layout.left) / layout.plotWidth) * (toMs - fromMs);
  };

  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const px = Math.max(layoutRef.current?.left ?? MIN_AXIS_LEFT, Math.min(event.clientX - rect.left, rect.width - PAD_RIGHT));
    drawOverlay(px, dragStart.current);
    const index = nearestIndex(times, timeAt(px));
    setHover(index < 0 ? null : { index, px, py: event.clientY - rect.top });
  };
  const onPointerLeave = () => {
    drawOverlay(null, null);
    setHover(null);
  };
  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!onZoom || event.button !== 0) return;
    const rect = event.currentTarget.getBoundingClientRect();
    dragStart.current = event.clientX - rect.left;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerUp = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const start = dragStart.current;
    dragStart.current = null;
    if (start === null || !onZoom) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const end = event.clientX - rect.left;
    drawOverlay(end, null);
    if (Math.abs(end - start) < 5) return;
    const from = timeAt(Math.min(start, end));
    const to = timeAt(Math.max(start, end));
    if (to - from >= 1000) onZoom(Math.round(from), Math.round(to));
  };

  useEffect(() => {
    if (!hover) drawOverlay(null, null);
  }, [hover, drawOverlay]);

  const hoverTime = hover ? times[hover.index] : undefined;
  const tooltipRows = hover
    ? series
        .map((item, index) => ({ name: item.name, color: item.color, value: item.values[hover.index] ?? null, format: item.format, index }))
        .filter((row) => row.value !== null)
        .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    : [];

  return (
    <div ref={containerRef} className="relative h-full w-full select-none" role="img" aria-label={label}>
      <canvas ref={canvasRef} className="absolute inset-0 h-full w-full" />
      <canvas
        ref={overlayRef}
        className={`absolute inset-0 h-full w-full ${onZoom ? "cursor-crosshair" : ""}`}
        data-testid="chart-overlay"
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
      />
      {hover && hoverTime !== undefined && tooltipRows.length > 0 ? (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-20 max-w-xs rounded border border-edge bg-surface/95 px-2 py-1.5 text-xs shadow-lg"
          style={{
            left: hover.px > size.width / 2 ? undefined : hover.px + 12,
            right: hover.px > size.width / 2 ? size.width - hover.px + 12 : undefined,
            top: Math.min(Math.max(0, hover.py - 20), Math.max(0, size.height - 60)),
          }}
        >
          <p className="mb-1 text-slate-400">{new Date(hoverTime).toLocaleString(undefined, timeZone === "utc" ? { timeZone: "UTC" } : undefined)}</p>
          {tooltipRows.slice(0, 12).map((row) => (
            <p key={row.index} className="flex items-center gap-2">
              <span className="inline-block h-2 w-2 shrink-0 rounded-sm" style={{ background: row.color }} />
              <span className="truncate text-slate-300">{row.name}</span>
              <span className="ml-auto pl-2 font-mono text-slate-100">{row.format(row.value)}</span>
            </p>
          ))}
          {tooltipRows.length > 12 ? <p className="text-slate-500">and {tooltipRows.length - 12} more</p> : null}
        </div>
      ) : null}
    </div>
  );
}
