"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";
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

/** Lines over time; gaps in the data stay gaps. Animations are off: live data redraws often. */
export function TimeSeriesChart({ rows, series, height = 260, label, formatValue = formatNumber }: TimeSeriesChartProps) {
  return (
    <figure aria-label={label} role="img" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#1e2b44" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
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
              dot={false}
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
