import type { LabelSet } from "@/lib/prometheus/types";
import { consumerOf, gpuIndexOf, gpuKey, gpuModelOf, migSliceOf, namePriority, nodeOf, type GpuMeasure } from "./naming";

/** One sample of an instant query: labels and a number. */
export interface Reading {
  labels: LabelSet;
  value: number;
}

/** Below this activity an allocated GPU counts as idle; above SATURATED_PCT as saturated. */
export const IDLE_PCT = 5;
export const SATURATED_PCT = 95;

export interface MigSliceRow {
  profile: string;
  instanceId: string;
  /** DCGM_FI_PROF_GR_ENGINE_ACTIVE × 100, or the platform's gpu_mig_slice_util_pct. */
  activityPct: number | null;
  fbUsedMiB: number | null;
  fbTotalMiB: number | null;
}

export interface GpuRow {
  key: string;
  node: string;
  gpu: string;
  uuid: string | null;
  modelName: string | null;
  /** Percent busy; for MIG GPUs the mean graphics-engine activity of its slices. */
  utilPct: number | null;
  /** Which metric the utilisation came from. */
  utilSource: string | null;
  vramUsedGiB: number | null;
  vramTotalGiB: number | null;
  temperatureC: number | null;
  powerW: number | null;
  /** The last XID code the driver reported; 0 for none. */
  xid: number | null;
  slices: MigSliceRow[];
  consumer: string | null;
  /** OpenCost's node_gpu_hourly_cost for the GPU's node. */
  hourlyUsd: number | null;
}

export type FleetReadings = Partial<Record<GpuMeasure, Reading[]>>;

/** The reading per GPU key from the best-named series (earlier names win), summing MIG slices when `sumSlices`. */
function perGpu(measure: GpuMeasure, readings: Reading[] | undefined, combine: "first" | "sum" = "first"): Map<string, { value: number; labels: LabelSet }> {
  const best = new Map<string, { priority: number; value: number; labels: LabelSet }>();
  for (const reading of readings ?? []) {
    const priority = namePriority(measure, reading.labels);
    if (priority < 0 || !Number.isFinite(reading.value)) continue;
    const key = gpuKey(reading.labels);
    const current = best.get(key);
    if (!current || priority < current.priority) best.set(key, { priority, value: reading.value, labels: reading.labels });
    else if (priority === current.priority && combine === "sum") current.value += reading.value;
  }
  return new Map([...best].map(([key, entry]) => [key, { value: entry.value, labels: entry.labels }]));
}

function slicesOf(readings: FleetReadings): Map<string, MigSliceRow[]> {
  const slices = new Map<string, Map<string, MigSliceRow>>();
  const slot = (labels: LabelSet) => {
    const mig = migSliceOf(labels);
    if (!mig) return undefined;
    const gpu = gpuKey(labels);
    const bySlice = slices.get(gpu) ?? new Map<string, MigSliceRow>();
    slices.set(gpu, bySlice);
    const existing = bySlice.get(mig.instanceId) ?? { ...mig, activityPct: null, fbUsedMiB: null, fbTotalMiB: null };
    bySlice.set(mig.instanceId, existing);
    return existing;
  };
  for (const { labels, value } of readings.engineActive ?? []) {
    const row = slot(labels);
    if (row) row.activityPct = value * 100;
  }
  const fromDcgm = new Set(slices.keys());
  for (const { labels, value } of readings.migSliceUtil ?? []) {
    // The platform names slices by profile only; a GPU's DCGM slices (with GPU_I_ID) win when both exist.
    if (fromDcgm.has(gpuKey(labels))) continue;
    const row = slot(labels);
    if (row) row.activityPct = value;
  }
  const used = new Map<string, number>();
  for (const { labels, value } of readings.fbUsedMiB ?? []) {
    const row = slot(labels);
    if (row) {
      row.fbUsedMiB = value;
      used.set(`${gpuKey(labels)}#${row.instanceId}`, value);
    }
  }
  for (const { labels, value } of readings.fbFreeMiB ?? []) {
    const row = slot(labels);
    if (row) row.fbTotalMiB = (used.get(`${gpuKey(labels)}#${row.instanceId}`) ?? 0) + value;
  }
  return new Map(
    [...slices].map(([key, bySlice]) => [key, [...bySlice.values()].sort((a, b) => a.instanceId.localeCompare(b.instanceId, undefined, { numeric: true }))]),
  );
}

/**
 * One row per physical GPU from instant readings of each measure, whichever exporter named
 * them. Utilisation comes from DCGM_FI_DEV_GPU_UTIL (or its 1.x name); a MIG GPU has none, so
 * its slices' DCGM_FI_PROF_GR_ENGINE_ACTIVE is averaged instead, and the platform's
 * gpu_util_pct is the last resort.
 */
export function buildFleet(readings: FleetReadings, gpuHourlyByNode: ReadonlyMap<string, number>): GpuRow[] {
  const util = perGpu("util", (readings.util ?? []).filter((reading) => !migSliceOf(reading.labels)));
  const slices = slicesOf(readings);
  const fbUsed = perGpu("fbUsedMiB", readings.fbUsedMiB, "sum");
  const fbFree = perGpu("fbFreeMiB", readings.fbFreeMiB, "sum");
  const vramGB = perGpu("vramUsedGB", readings.vramUsedGB);
  const temperature = perGpu("temperature", readings.temperature);
  const power = perGpu("powerWatts", readings.powerWatts);
  const xid = perGpu("xid", readings.xid);
  const engine = perGpu("engineActive", (readings.engineActive ?? []).filter((reading) => !migSliceOf(reading.labels)));

  const labelsByKey = new Map<string, LabelSet>();
  const remember = (map: Map<string, { labels: LabelSet }>) => {
    for (const [key, { labels }] of map) {
      const known = labelsByKey.get(key);
      // Prefer DCGM labels (they carry UUID and model name) over the platform's.
      if (!known || (known.UUID === undefined && known.uuid === undefined)) labelsByKey.set(key, labels);
    }
  };
  for (const map of [util, fbUsed, temperature, power, xid, engine, vramGB]) remember(map);
  for (const reading of [...(readings.engineActive ?? []), ...(readings.migSliceUtil ?? [])]) {
    const key = gpuKey(reading.labels);
    if (!labelsByKey.has(key)) labelsByKey.set(key, reading.labels);
  }

  const rows: GpuRow[] = [];
  for (const [key, labels] of labelsByKey) {
    const gpuSlices = slices.get(key) ?? [];
    const direct = util.get(key);
    let utilPct: number | null = null;
    let utilSource: string | null = null;
    if (direct && direct.labels.__name__ !== "gpu_util_pct") {
      utilPct = direct.value;
      utilSource = direct.labels.__name__ ?? null;
    } else if (gpuSlices.some((slice) => slice.activityPct !== null)) {
      const active = gpuSlices.flatMap((slice) => (slice.activityPct === null ? [] : [slice.activityPct]));
      utilPct = active.reduce((sum, value) => sum + value, 0) / active.length;
      utilSource = "DCGM_FI_PROF_GR_ENGINE_ACTIVE (MIG slices)";
    } else if (engine.has(key)) {
      utilPct = (engine.get(key)?.value ?? 0) * 100;
      utilSource = "DCGM_FI_PROF_GR_ENGINE_ACTIVE";
    } else if (direct) {
      utilPct = direct.value;
      utilSource = direct.labels.__name__ ?? null;
    }
    const usedMiB = fbUsed.get(key)?.value;
    const freeMiB = fbFree.get(key)?.value;
    const node = nodeOf(labels);
    rows.push({
      key,
      node,
      gpu: gpuIndexOf(labels),
      uuid: labels.UUID ?? labels.uuid ?? null,
      modelName: gpuModelOf(labels) ?? null,
      utilPct,
      utilSource,
      vramUsedGiB: usedMiB !== undefined ? usedMiB / 1024 : (vramGB.get(key)?.value ?? null),
      vramTotalGiB: usedMiB !== undefined && freeMiB !== undefined ? (usedMiB + freeMiB) / 1024 : null,
      temperatureC: temperature.get(key)?.value ?? null,
      powerW: power.get(key)?.value ?? null,
      xid: xid.get(key)?.value ?? null,
      slices: gpuSlices,
      consumer: consumerOf(labels) ?? null,
      hourlyUsd: gpuHourlyByNode.get(node) ?? null,
    });
  }
  return rows.sort((a, b) => a.node.localeCompare(b.node) || a.gpu.localeCompare(b.gpu, undefined, { numeric: true }));
}

export interface GpuGroup {
  name: string;
  gpus: number;
  avgUtilPct: number | null;
  vramUsedGiB: number;
  vramTotalGiB: number;
  powerW: number;
  hourlyUsd: number;
}

/** Totals per node, per GPU model name or per consumer. */
export function groupFleet(rows: readonly GpuRow[], by: (row: GpuRow) => string): GpuGroup[] {
  const groups = new Map<string, GpuRow[]>();
  for (const row of rows) groups.set(by(row), [...(groups.get(by(row)) ?? []), row]);
  return [...groups]
    .map(([name, members]) => {
      const utils = members.flatMap((row) => (row.utilPct === null ? [] : [row.utilPct]));
      return {
        name,
        gpus: members.length,
        avgUtilPct: utils.length ? utils.reduce((sum, value) => sum + value, 0) / utils.length : null,
        vramUsedGiB: members.reduce((sum, row) => sum + (row.vramUsedGiB ?? 0), 0),
        vramTotalGiB: members.reduce((sum, row) => sum + (row.vramTotalGiB ?? 0), 0),
        powerW: members.reduce((sum, row) => sum + (row.powerW ?? 0), 0),
        hourlyUsd: members.reduce((sum, row) => sum + (row.hourlyUsd ?? 0), 0),
      };
    })
    .sort((a, b) => b.hourlyUsd - a.hourlyUsd || a.name.localeCompare(b.name));
}

/** GPUs under IDLE_PCT activity (paid for, doing nothing), most expensive first. */
export function idleGpus(rows: readonly GpuRow[], belowPct = IDLE_PCT): GpuRow[] {
  return rows.filter((row) => row.utilPct !== null && row.utilPct < belowPct).sort((a, b) => (b.hourlyUsd ?? 0) - (a.hourlyUsd ?? 0));
}

/** GPUs above SATURATED_PCT activity, busiest first. */
export function saturatedGpus(rows: readonly GpuRow[], abovePct = SATURATED_PCT): GpuRow[] {
  return rows.filter((row) => row.utilPct !== null && row.utilPct > abovePct).sort((a, b) => (b.utilPct ?? 0) - (a.utilPct ?? 0));
}

/** What idle GPUs cost per hour: each idle GPU's node price. */
export function idleCostPerHour(rows: readonly GpuRow[], belowPct = IDLE_PCT): number {
  return idleGpus(rows, belowPct).reduce((sum, row) => sum + (row.hourlyUsd ?? 0), 0);
}
