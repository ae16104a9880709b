"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";
import { formatUsd } from "@/lib/cost/format";
import { GPU_RANGES, parseGpuRange, type GpuRange } from "@/lib/gpu/range";
import { fleetQuery, heatmapQuery } from "@/lib/queries/gpus";
import { Stat } from "@/components/cost/stat";
import { GpuGroupTable, GpuList, GpuShortList, MigSlices, XidEvents } from "./gpu-tables";
import { HeatmapCanvas } from "./heatmap-canvas";

const ERROR_TITLE = "Could not read the GPU fleet";
const NO_GPUS = "No GPU metrics in Prometheus: neither dcgm-exporter (DCGM_FI_*, dcgm_*) nor the platform's gpu_* gauges.";

/** The window in the URL (?range=6h), so a shared link shows the same hours. */
function useGpuRange(): [GpuRange, (range: GpuRange) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = parseGpuRange(params.get("range"));
  return [
    range,
    (next) => {
      const updated = new URLSearchParams(params);
      updated.set("range", next);
      router.replace(`${pathname}?${updated.toString()}`, { scroll: false });
    },
  ];
}

export function GpuRangePicker() {
  const [range, setRange] = useGpuRange();
  return (
    <label className="flex items-center gap-2 text-xs text-slate-400">
      Window
      <select value={range} onChange={(event) => setRange(parseGpuRange(event.target.value))} className="rounded border border-edge bg-surface px-2 py-1 text-slate-200">
        {Object.keys(GPU_RANGES).map((value) => (
          <option key={value} value={value}>
            Last {value}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The GPU fleet page's panels. */
export function GpuFleet() {
  const [range] = useGpuRange();
  const { interval } = useRefresh();
  const seconds = GPU_RANGES[range];
  const fleet = useQuery(fleetQuery(seconds, interval));
  const heatmap = useQuery(heatmapQuery(seconds, interval));

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Fleet" className="lg:col-span-2">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading the fleet" isEmpty={(data) => data.gpus.length === 0} empty={NO_GPUS}>
          {(data) => (
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
              <Stat label="GPUs" value={String(data.gpus.length)} hint={`${data.gpus.filter((gpu) => gpu.slices.length).length} split into MIG slices`} />
              <Stat label="Fleet price" value={`${formatUsd(data.fleetHourlyUsd)}/h`} hint="node_gpu_hourly_cost per GPU" />
              <Stat label="Idle GPUs" value={String(data.idle.length)} hint={`${formatUsd(data.idleHourlyUsd)}/h under ${data.idleBelowPct} % activity`} />
              <Stat label="Saturated GPUs" value={String(data.saturated.length)} hint={`over ${data.saturatedAbovePct} % activity`} />
              <Stat label="XID events" value={String(data.xidEvents.filter((event) => event.code !== 0).length)} hint={`last ${range}`} />
            </dl>
          )}
        </QueryState>
      </Panel>
      <Panel title="Utilisation heatmap" description={`Each row a GPU, each column a time step, last ${range}`} className="lg:col-span-2">
        <QueryState query={heatmap} errorTitle={ERROR_TITLE} loadingLabel="Loading the heatmap" isEmpty={(data) => data.gpus.length === 0} empty={NO_GPUS}>
          {(data) => <HeatmapCanvas heatmap={data} />}
        </QueryState>
      </Panel>
      <Panel title="GPUs" description="Activity is DCGM_FI_DEV_GPU_UTIL, or for MIG GPUs the mean DCGM_FI_PROF_GR_ENGINE_ACTIVE of their slices" className="lg:col-span-2">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading GPUs" isEmpty={(data) => data.gpus.length === 0} empty={NO_GPUS}>
          {(data) => <GpuList gpus={data.gpus} energyKwh={data.energyKwh} />}
        </QueryState>
      </Panel>
      <Panel title="By node">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading nodes" isEmpty={(data) => data.byNode.length === 0} empty={NO_GPUS}>
          {(data) => <GpuGroupTable label="Node" groups={data.byNode} />}
        </QueryState>
      </Panel>
      <Panel title="By GPU model">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading GPU models" isEmpty={(data) => data.byModel.length === 0} empty={NO_GPUS}>
          {(data) => <GpuGroupTable label="GPU model" groups={data.byModel} />}
        </QueryState>
      </Panel>
      <Panel title="MIG slices" description="Profile and instance from GPU_I_PROFILE and GPU_I_ID">
        <QueryState
          query={fleet}
          errorTitle={ERROR_TITLE}
          loadingLabel="Loading MIG slices"
          isEmpty={(data) => !data.gpus.some((gpu) => gpu.slices.length > 0)}
          empty="No GPU is split into MIG slices."
        >
          {(data) => <MigSlices gpus={data.gpus} />}
        </QueryState>
      </Panel>
      <Panel title="XID errors" description="Changes of the last-XID code (DCGM_FI_DEV_XID_ERRORS holds the last code, not a count)">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading XID events" isEmpty={(data) => data.xidEvents.length === 0} empty={`No XID error in the last ${range}.`}>
          {(data) => <XidEvents events={data.xidEvents} />}
        </QueryState>
      </Panel>
      <Panel title="Idle GPUs" description="Allocated, under 5 % activity: paid for, doing nothing">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading idle GPUs" isEmpty={(data) => data.idle.length === 0} empty="No idle GPU.">
          {(data) => <GpuShortList gpus={data.idle} />}
        </QueryState>
      </Panel>
      <Panel title="Saturated GPUs" description="Over 95 % activity: latency suffers, clocks may throttle">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading saturated GPUs" isEmpty={(data) => data.saturated.length === 0} empty="No saturated GPU.">
          {(data) => <GpuShortList gpus={data.saturated} />}
        </QueryState>
      </Panel>
      <Panel title="Top consumers" description="By pod when dcgm-exporter maps GPUs to pods, else by node" className="lg:col-span-2">
        <QueryState query={fleet} errorTitle={ERROR_TITLE} loadingLabel="Loading consumers" isEmpty={(data) => data.byConsumer.length === 0} empty={NO_GPUS}>
          {(data) => <GpuGroupTable label="Consumer" groups={data.byConsumer.slice(0, 10)} />}
        </QueryState>
      </Panel>
    </div>
  );
}
