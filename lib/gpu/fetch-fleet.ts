import "server-only";
import { getPrometheus } from "@/lib/prometheus/client";
import { matrixToSeries, queryDataToSeries, type SeriesPoints } from "@/lib/prometheus/parse-sample-values";
import { buildFleet, groupFleet, idleCostPerHour, idleGpus, saturatedGpus, IDLE_PCT, SATURATED_PCT, type FleetReadings, type GpuGroup, type GpuRow, type Reading } from "./fleet";
import { buildHeatmap, type Heatmap } from "./heatmap";
import { GPU_METRICS, measureSelector, type GpuMeasure } from "./naming";
import { chooseHeatmapStep, energyQuery, ENGINE_ACTIVITY_QUERY } from "./queries";
import { xidEvents, type XidEvent } from "./xid";

export interface FleetOptions {
  /** Unix seconds to evaluate at; Prometheus's now when left out. */
  time?: number;
  /** Window for XID events and energy, seconds. */
  rangeSeconds: number;
  idleBelowPct?: number;
  signal?: AbortSignal;
}

export interface FleetOverview {
  evaluatedAt: number;
  rangeSeconds: number;
  gpus: GpuRow[];
  byNode: GpuGroup[];
  byModel: GpuGroup[];
  byConsumer: GpuGroup[];
  idle: GpuRow[];
  saturated: GpuRow[];
  idleBelowPct: number;
  saturatedAbovePct: number;
  idleHourlyUsd: number;
  fleetHourlyUsd: number;
  /** kWh per GPU key over the window, from the energy counter. */
  energyKwh: Record<string, number>;
  xidEvents: XidEvent[];
}

function readings(series: SeriesPoints[]): Reading[] {
  return series.flatMap(({ labels, points }) => {
    const point = points[0];
    return point ? [{ labels, value: point[1] }] : [];
  });
}

/** Current state of every GPU the exporters report, with prices from OpenCost. */
export async function fetchFleet(options: FleetOptions): Promise<FleetOverview> {
  const prometheus = getPrometheus();
  const time = options.time ?? Math.floor(Date.now() / 1000);
  const instant = async (expr: string) => queryDataToSeries((await prometheus.query(expr, { time, signal: options.signal })).data);
  const measures = Object.keys(GPU_METRICS).filter((measure): measure is GpuMeasure => measure !== "energyMillijoules");
  const [values, prices, energy, xidRange] = await Promise.all([
    Promise.all(measures.map(async (measure) => [measure, readings(await instant(measureSelector(measure)))] as const)),
    instant("max by (node) (node_gpu_hourly_cost)"),
    instant(energyQuery(options.rangeSeconds)),
    prometheus.queryRange(measureSelector("xid"), {
      start: time - options.rangeSeconds,
      end: time,
      step: chooseHeatmapStep(options.rangeSeconds),
      signal: options.signal,
    }),
  ]);
  const fleetReadings: FleetReadings = Object.fromEntries(values);
  const priceByNode = new Map(readings(prices).map(({ labels, value }) => [labels.node ?? "", value]));
  const gpus = buildFleet(fleetReadings, priceByNode);
  const idleBelowPct = options.idleBelowPct ?? IDLE_PCT;
  const energyKwh: Record<string, number> = {};
  for (const { labels, value } of readings(energy)) {
    const row = gpus.find((gpu) => gpu.node === (labels.Hostname ?? labels.hostname ?? labels.node) && gpu.gpu === labels.gpu);
    // mJ → kWh.
    if (row && Number.isFinite(value)) energyKwh[row.key] = value / 3.6e9;
  }
  return {
    evaluatedAt: time,
    rangeSeconds: options.rangeSeconds,
    gpus,
    byNode: groupFleet(gpus, (row) => row.node),
    byModel: groupFleet(gpus, (row) => row.modelName ?? "unknown model"),
    byConsumer: groupFleet(gpus, (row) => row.consumer ?? `${row.node} (no pod mapping)`),
    idle: idleGpus(gpus, idleBelowPct),
    saturated: saturatedGpus(gpus),
    idleBelowPct,
    saturatedAbovePct: SATURATED_PCT,
    idleHourlyUsd: idleCostPerHour(gpus, idleBelowPct),
    fleetHourlyUsd: gpus.reduce((sum, row) => sum + (row.hourlyUsd ?? 0), 0),
    energyKwh,
    xidEvents: xidEvents(matrixToSeries(xidRange.data.result)),
  };
}


/** GPU × time utilisation over the last `rangeSeconds`. */
export async function fetchHeatmap(rangeSeconds: number, options: { end?: number; signal?: AbortSignal } = {}): Promise<Heatmap> {
  const prometheus = getPrometheus();
  const step = chooseHeatmapStep(rangeSeconds);
  const end = Math.floor((options.end ?? Date.now() / 1000) / step) * step;
  const start = end - rangeSeconds;
  const [util, engine] = await Promise.all([
    prometheus.queryRange(measureSelector("util"), { start, end, step, signal: options.signal }),
    prometheus.queryRange(ENGINE_ACTIVITY_QUERY, { start, end, step, signal: options.signal }),
  ]);
  return buildHeatmap(matrixToSeries(util.data.result), matrixToSeries(engine.data.result), start, end, step);
}
