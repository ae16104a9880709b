import { DataTable } from "@/components/ui/data-table";
import { formatPct, formatUsd } from "@/lib/cost/format";
import type { GpuGroup, GpuRow } from "@/lib/gpu/fleet";
import { xidMeaning, type XidEvent } from "@/lib/gpu/xid";

const cell = "py-1.5 pr-3";
const num = `${cell} text-right tabular-nums`;

function gib(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(1)} GiB`;
}

export interface GpuListProps {
  gpus: GpuRow[];
  energyKwh: Record<string, number>;
}

/** Every GPU: activity, VRAM used and share, temperature, power, energy, last XID, MIG slices. */
export function GpuList({ gpus, energyKwh }: GpuListProps) {
  return (
    <DataTable
      columns={[
        { label: "GPU" },
        { label: "Model" },
        { label: "Activity", align: "right" },
        { label: "VRAM used", align: "right" },
        { label: "VRAM share", align: "right" },
        { label: "Temp", align: "right" },
        { label: "Power", align: "right" },
        { label: "Energy", align: "right" },
        { label: "Last XID", align: "right" },
        { label: "Price", align: "right" },
      ]}
    >
      {gpus.map((gpu) => (
        <tr key={gpu.key}>
          <td className={cell}>
            {gpu.node} · {gpu.gpu}
            {gpu.slices.length ? <span className="ml-1 rounded bg-edge px-1 text-xs text-slate-300">MIG ×{gpu.slices.length}</span> : null}
          </td>
          <td className={`${cell} text-xs text-slate-400`}>{gpu.modelName ?? "—"}</td>
          <td className={num} title={gpu.utilSource ?? undefined}>
            {formatPct(gpu.utilPct)}
          </td>
          <td className={num}>{gib(gpu.vramUsedGiB)}</td>
          <td className={num}>{gpu.vramUsedGiB !== null && gpu.vramTotalGiB ? formatPct((gpu.vramUsedGiB / gpu.vramTotalGiB) * 100) : "—"}</td>
          <td className={num}>{gpu.temperatureC === null ? "—" : `${gpu.temperatureC.toFixed(0)} °C`}</td>
          <td className={num}>{gpu.powerW === null ? "—" : `${gpu.powerW.toFixed(0)} W`}</td>
          <td className={num}>{energyKwh[gpu.key] === undefined ? "—" : `${(energyKwh[gpu.key] ?? 0).toFixed(2)} kWh`}</td>
          <td className={`${num} ${gpu.xid ? "text-rose-300" : ""}`}>{gpu.xid === null ? "—" : gpu.xid === 0 ? "none" : gpu.xid}</td>
          <td className={num}>{gpu.hourlyUsd === null ? "—" : `${formatUsd(gpu.hourlyUsd)}/h`}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export interface GpuGroupTableProps {
  label: string;
  groups: GpuGroup[];
}

/** Totals per node, GPU model or consumer. */
export function GpuGroupTable({ label, groups }: GpuGroupTableProps) {
  return (
    <DataTable columns={[{ label }, { label: "GPUs", align: "right" }, { label: "Mean activity", align: "right" }, { label: "VRAM used", align: "right" }, { label: "Power", align: "right" }, { label: "Cost", align: "right" }]}>
      {groups.map((group) => (
        <tr key={group.name}>
          <td className={cell}>{group.name}</td>
          <td className={num}>{group.gpus}</td>
          <td className={num}>{formatPct(group.avgUtilPct)}</td>
          <td className={num}>
            {group.vramUsedGiB.toFixed(0)}
            {group.vramTotalGiB ? ` / ${group.vramTotalGiB.toFixed(0)}` : ""} GiB
          </td>
          <td className={num}>{group.powerW.toFixed(0)} W</td>
          <td className={num}>{formatUsd(group.hourlyUsd)}/h</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** MIG slices of every split GPU, with profile, instance id and graphics-engine activity. */
export function MigSlices({ gpus }: { gpus: GpuRow[] }) {
  const rows = gpus.flatMap((gpu) => gpu.slices.map((slice) => ({ gpu, slice })));
  return (
    <DataTable columns={[{ label: "GPU" }, { label: "Profile (GPU_I_PROFILE)" }, { label: "Instance (GPU_I_ID)", align: "right" }, { label: "Activity", align: "right" }, { label: "Memory", align: "right" }]}>
      {rows.map(({ gpu, slice }) => (
        <tr key={`${gpu.key}#${slice.instanceId}`}>
          <td className={cell}>
            {gpu.node} · {gpu.gpu}
          </td>
          <td className={cell}>{slice.profile}</td>
          <td className={num}>{slice.instanceId}</td>
          <td className={num}>{formatPct(slice.activityPct)}</td>
          <td className={num}>
            {slice.fbUsedMiB === null ? "—" : `${(slice.fbUsedMiB / 1024).toFixed(1)}${slice.fbTotalMiB ? ` / ${(slice.fbTotalMiB / 1024).toFixed(0)}` : ""} GiB`}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Changes of the last-XID gauge: a new code is an event, 0 means it cleared. */
export function XidEvents({ events }: { events: XidEvent[] }) {
  return (
    <DataTable columns={[{ label: "When" }, { label: "GPU" }, { label: "XID", align: "right" }, { label: "Meaning" }]}>
      {events.map((event) => (
        <tr key={`${event.key}@${event.at}`}>
          <td className={`${cell} text-xs`}>{new Date(event.at).toLocaleString()}</td>
          <td className={cell}>
            {event.node} · {event.gpu}
          </td>
          <td className={`${num} ${event.code ? "text-rose-300" : "text-emerald-300"}`}>{event.code}</td>
          <td className={`${cell} text-xs text-slate-400`}>
            {xidMeaning(event.code)}
            {event.previous !== null && event.previous !== 0 && event.code !== 0 ? ` (was ${event.previous})` : ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Idle or saturated GPUs with their activity and price. */
export function GpuShortList({ gpus }: { gpus: GpuRow[] }) {
  return (
    <DataTable columns={[{ label: "GPU" }, { label: "Activity", align: "right" }, { label: "Cost", align: "right" }]}>
      {gpus.map((gpu) => (
        <tr key={gpu.key}>
          <td className={cell}>
            {gpu.node} · {gpu.gpu}
          </td>
          <td className={num}>{formatPct(gpu.utilPct, 1)}</td>
          <td className={num}>{gpu.hourlyUsd === null ? "—" : `${formatUsd(gpu.hourlyUsd)}/h`}</td>
        </tr>
      ))}
    </DataTable>
  );
}
