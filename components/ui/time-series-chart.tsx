"use client";

import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotItemDotProps } from "recharts";
import { formatNumber } from "@/lib/format";
import { isolatedPoints, timeDomain } from "@/lib/prometheus/chart-marks";
import type { ChartRow, ChartSeries } from "@/lib/prometheus/transform";

export interface TimeSeriesChartProps {
  rows: ChartRow[];
  series: ChartSeries[];
  height?: number;
  /** Accessible name of the chart, read out instead of the SVG. */
  label: string;
  formatValue?: (value: number) => string;
}

const PALETTE = ["#38bdf8", "#a78bfa", "#34d399", "#fbbf24", "#f472b6", "#60a5fa", "#f87171", "#2dd4bf", "#c084fc", "#facc15"];

function timeTick(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * A dot only where a line cannot be drawn (a value without a neighbour), so a series' first
 * sample or a lone value between gaps shows instead of leaving an empty chart. Undefined when the
 * series has none: dots for every point would cost thousands of elements on a big chart.
 */
function isolatedDot(rows: ChartRow[], key: string, color: string | undefined) {
  const isolated = isolatedPoints(rows, key);
  if (isolated.size === 0) return undefined;
  function IsolatedDot({ index, cx, cy }: DotItemDotProps) {
    if (!isolated.has(index) || typeof cx !== "number" || typeof cy !== "number") return <g key={index} />;
    return <circle key={index} className="recharts-dot isolated-point" cx={cx} cy={cy} r={2.5} fill={color} stroke="none" />;
  }
  return IsolatedDot;
}

/** Lines over time; gaps in the data stay gaps, lone values are dots. Animations are off: live data redraws often. */
export function TimeSeriesChart({ rows, series, height = 260, label, formatValue = formatNumber }: TimeSeriesChartProps) {
  const dots = useMemo(() => series.map((item, index) => isolatedDot(rows, item.key, PALETTE[index % PALETTE.length])), [rows, series]);
  return (
    <figure aria-label={label} role="img" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#1e2b44" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={timeDomain}
            tickFormatter={timeTick}
            stroke="#64748b"
            fontSize={11}
            minTickGap={40}
          />
          <YAxis stroke="#64748b" fontSize={11} width={48} tickFormatter={(value: number) => formatValue(value)} />
          <Tooltip
            contentStyle={{ background: "#0f172a", border: "1px solid #1e2b44", fontSize: 12 }}
            labelFormatter={(value) => new Date(Number(value)).toLocaleString()}
            formatter={(value) => (typeof value === "number" ? formatValue(value) : String(value))}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((item, index) => (
            <Line
              key={item.key}
              dataKey={item.key}
              name={item.name}
              stroke={PALETTE[index % PALETTE.length]}
              dot={dots[index] ?? false}
              strokeWidth={1.5}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
