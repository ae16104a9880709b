import { describe, expect, it } from "vitest";
import { GPUS } from "@/stack/exporter/catalog";
import { PRICES } from "@/stack/exporter/prices";
import { Simulation } from "@/stack/exporter/simulation";
import { parseExposition } from "@/stack/exporter/test-support";
import { buildFleet, groupFleet, idleCostPerHour, idleGpus, saturatedGpus, type FleetReadings, type Reading } from "./fleet";
import { GPU_METRICS, type GpuMeasure } from "./naming";

/** Instant readings as Prometheus would return them, scraped from the demo exporter's own code. */
async function recordedReadings(t = 600): Promise<Reading[]> {
  const simulation = new Simulation({ seed: 42, fast: false, schedule: false, startSecondsOfDay: 16 * 3600, deterministic: true });
  const readings: Reading[] = [];
  const targets = [
    ["dcgm-exporter", "gpu-node-1"],
    ["dcgm-exporter", "gpu-node-2"],
    ["dcgm-exporter", "gpu-node-3"],
    ["neuronetes", "neuronetes-0"],
  ] as const;
  for (const [job, instance] of targets) {
    const text = (await simulation.exposition(job, instance, t)) ?? "";
    for (const sample of parseExposition(text)) readings.push({ labels: { __name__: sample.name, ...sample.labels, job, instance }, value: sample.value });
  }
  return readings;
}

function byMeasure(readings: readonly Reading[]): FleetReadings {
  const result: FleetReadings = {};
  for (const [measure, names] of Object.entries(GPU_METRICS) as Array<[GpuMeasure, readonly string[]]>) {
    result[measure] = readings.filter((reading) => names.includes(reading.labels.__name__ ?? ""));
  }
  return result;
}

const PRICE_BY_NODE = new Map(Object.entries(PRICES.nodes).map(([node, price]) => [node, price.gpuHourly]));

describe("buildFleet", () => {
  it("makes one row per physical GPU from dcgm-exporter, MIG GPUs from their slices' engine activity", async () => {
    const readings = await recordedReadings();
    const rows = buildFleet(byMeasure(readings), PRICE_BY_NODE);
    expect(rows.map((row) => row.key)).toEqual(GPUS.map((gpu) => `${gpu.node}/${gpu.index}`));

    const whole = rows.find((row) => row.key === "gpu-node-2/0");
    const dcgmUtil = readings.find((r) => r.labels.__name__ === "DCGM_FI_DEV_GPU_UTIL" && r.labels.Hostname === "gpu-node-2" && r.labels.gpu === "0");
    expect(whole?.utilPct).toBe(dcgmUtil?.value);
    expect(whole?.utilSource).toBe("DCGM_FI_DEV_GPU_UTIL");
    expect(whole?.modelName).toBe("NVIDIA H100 80GB HBM3");
    expect(whole?.vramTotalGiB).toBe(80);
    expect(whole?.hourlyUsd).toBe(6.98);

    const mig = rows.find((row) => row.key === "gpu-node-1/2");
    const slices = readings.filter((r) => r.labels.__name__ === "DCGM_FI_PROF_GR_ENGINE_ACTIVE" && r.labels.Hostname === "gpu-node-1" && r.labels.gpu === "2");
    expect(mig?.utilSource).toBe("DCGM_FI_PROF_GR_ENGINE_ACTIVE (MIG slices)");
    expect(mig?.slices.map((slice) => [slice.profile, slice.instanceId])).toEqual([
      ["3g.40gb", "1"],
      ["2g.20gb", "3"],
      ["1g.10gb", "9"],
    ]);
    expect(mig?.utilPct).toBeCloseTo((slices.reduce((sum, r) => sum + r.value, 0) / slices.length) * 100, 9);
    expect(mig?.slices[0]?.fbTotalMiB).toBe(40 * 1024);
  });

  it("reads dcgm-exporter 1.x names and a lowercase hostname label the same way", async () => {
    const modern = buildFleet(byMeasure(await recordedReadings()), PRICE_BY_NODE);
    const renames: Record<string, string> = {
      DCGM_FI_DEV_GPU_UTIL: "dcgm_gpu_utilization",
      DCGM_FI_DEV_FB_USED: "dcgm_fb_used",
      DCGM_FI_DEV_FB_FREE: "dcgm_fb_free",
      DCGM_FI_DEV_GPU_TEMP: "dcgm_gpu_temp",
      DCGM_FI_DEV_POWER_USAGE: "dcgm_power_usage",
      DCGM_FI_DEV_XID_ERRORS: "dcgm_xid_errors",
    };
    const legacy = (await recordedReadings()).map(({ labels: { Hostname, __name__, UUID, ...rest }, value }) => ({
      labels: { ...rest, ...(Hostname ? { hostname: Hostname } : {}), ...(UUID ? { uuid: UUID } : {}), __name__: renames[__name__ ?? ""] ?? __name__ ?? "" },
      value,
    }));
    const rows = buildFleet(byMeasure(legacy), PRICE_BY_NODE);
    const strip = (list: typeof rows) => list.map(({ utilSource: _source, ...row }) => row);
    expect(strip(rows)).toEqual(strip(modern));
    expect(rows.find((row) => row.key === "gpu-node-2/0")?.utilSource).toBe("dcgm_gpu_utilization");
  });

  it("falls back to the platform's gpu_* families when there is no dcgm-exporter", async () => {
    const readings = (await recordedReadings()).filter((reading) => reading.labels.job === "neuronetes");
    const rows = buildFleet(byMeasure(readings), PRICE_BY_NODE);
    expect(rows).toHaveLength(GPUS.length);
    const first = rows.find((row) => row.key === "gpu-node-1/0");
    const util = readings.find((r) => r.labels.__name__ === "gpu_util_pct" && r.labels.node === "gpu-node-1" && r.labels.gpu === "0");
    const vram = readings.find((r) => r.labels.__name__ === "gpu_vram_used_gb" && r.labels.node === "gpu-node-1" && r.labels.gpu === "0");
    expect(first?.utilPct).toBe(util?.value);
    expect(first?.vramUsedGiB).toBe(vram?.value);
    expect(rows.find((row) => row.key === "gpu-node-3/1")?.slices.map((slice) => slice.profile).sort()).toEqual(["1g.10gb", "2g.20gb", "3g.40gb"]);
  });

  it("lists idle and saturated GPUs and prices the idle ones", async () => {
    const readings = (await recordedReadings()).map((reading) => {
      const { __name__: name, Hostname: node, gpu } = reading.labels;
      if (name === "DCGM_FI_DEV_GPU_UTIL" && node === "gpu-node-1" && gpu === "0") return { ...reading, value: 2 };
      if (name === "DCGM_FI_DEV_GPU_UTIL" && node === "gpu-node-2" && gpu === "1") return { ...reading, value: 99 };
      return reading;
    });
    const rows = buildFleet(byMeasure(readings), PRICE_BY_NODE);
    expect(idleGpus(rows).map((row) => row.key)).toEqual(["gpu-node-1/0"]);
    expect(idleCostPerHour(rows)).toBe(3.93);
    expect(saturatedGpus(rows).map((row) => row.key)).toEqual(["gpu-node-2/1"]);
    // Everything is idle under 101 %: the whole fleet's price.
    expect(idleCostPerHour(rows, 101)).toBeCloseTo(4 * 3.93 + 4 * 6.98 + 2 * 2.79, 9);
  });

  it("groups by node with counts and prices", async () => {
    const rows = buildFleet(byMeasure(await recordedReadings()), PRICE_BY_NODE);
    const groups = groupFleet(rows, (row) => row.node);
    expect(groups.map((group) => [group.name, group.gpus, Number(group.hourlyUsd.toFixed(2))])).toEqual([
      ["gpu-node-2", 4, 27.92],
      ["gpu-node-1", 4, 15.72],
      ["gpu-node-3", 2, 5.58],
    ]);
  });
});
