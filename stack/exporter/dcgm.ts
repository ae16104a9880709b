import { DCGM_DRIVER_VERSION, GPU_NODE_NAMES, gpusOn, type GpuNodeName } from "./catalog.ts";
import { gpuMemoryUsedGiB, gpuUtilPct, sliceMemoryUsedGiB, sliceUtilPct, xidCode } from "./gpu-activity.ts";
import { Tally, Target, type Moment, type SimSystem, type SystemContext } from "./kit.ts";
import { round } from "./signal.ts";

const LABELS = ["gpu", "UUID", "pci_bus_id", "device", "modelName", "Hostname", "DCGM_FI_DRIVER_VERSION", "GPU_I_PROFILE", "GPU_I_ID"] as const;

/** NVIDIA dcgm-exporter, one target per GPU node; label names and units follow the real exporter. */
export function dcgmSystem(context: SystemContext): SimSystem {
  const nodes = GPU_NODE_NAMES.map((node) => dcgmNode(context, node));
  return {
    targets: nodes.flatMap((node) => node.targets),
    advance(m) {
      for (const node of nodes) node.advance(m);
    },
    sample(m) {
      for (const node of nodes) node.sample(m);
    },
  };
}

function dcgmNode({ noise }: SystemContext, node: GpuNodeName): SimSystem {
  const target = new Target("dcgm-exporter", node);
  const util = target.gauge("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", LABELS);
  const fbUsed = target.gauge("DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).", LABELS);
  const fbFree = target.gauge("DCGM_FI_DEV_FB_FREE", "Framebuffer memory free (in MiB).", LABELS);
  const temperature = target.gauge("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).", LABELS);
  const power = target.gauge("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", LABELS);
  const xid = target.gauge("DCGM_FI_DEV_XID_ERRORS", "Value of the last XID error encountered.", LABELS);
  const engine = target.gauge("DCGM_FI_PROF_GR_ENGINE_ACTIVE", "Ratio of time the graphics engine is active.", LABELS);
  const energy = target.counter("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "Total energy consumption since boot (in mJ).", LABELS);
  const gpus = gpusOn(node);
  const deviceOf = (gpu: (typeof gpus)[number]) => ({
    gpu: String(gpu.index),
    UUID: gpu.uuid,
    pci_bus_id: gpu.pciBusId,
    device: `nvidia${gpu.index}`,
    modelName: gpu.modelName,
    Hostname: node,
    DCGM_FI_DRIVER_VERSION: DCGM_DRIVER_VERSION,
  });
  const wattsAt = (m: Moment, gpu: (typeof gpus)[number]) =>
    round(gpu.idleWatts + gpu.wattsPerPct * gpuUtilPct(noise, m, gpu) + 10 * noise.wobble(`power.${node}.${gpu.index}`, m.t, 30), 3);
  // Added after the other DCGM fields; it reads the same noise, so their values do not change.
  const energyTallies = gpus.map((gpu) => ({ gpu, tally: new Tally(energy, deviceOf(gpu)) }));

  return {
    targets: [target],
    advance(m) {
      // One second at the power drawn now: W × 1 s × 1000 = mJ.
      for (const { gpu, tally } of energyTallies) tally.add(wattsAt(m, gpu) * 1000);
    },
    sample(m) {
      for (const gpu of gpus) {
        const device = {
          gpu: String(gpu.index),
          UUID: gpu.uuid,
          pci_bus_id: gpu.pciBusId,
          device: `nvidia${gpu.index}`,
          modelName: gpu.modelName,
          Hostname: node,
          DCGM_FI_DRIVER_VERSION: DCGM_DRIVER_VERSION,
        };
        const busy = gpuUtilPct(noise, m, gpu);
        temperature.set(device, Math.round(34 + 0.38 * busy + 1.5 * noise.wobble(`temp.${node}.${gpu.index}`, m.t, 180)));
        power.set(device, round(gpu.idleWatts + gpu.wattsPerPct * busy + 10 * noise.wobble(`power.${node}.${gpu.index}`, m.t, 30), 3));
        xid.set(device, xidCode(m, gpu));
        if (gpu.mig.length === 0) {
          // Whole GPUs report device utilization; MIG-enabled GPUs cannot, as with the real exporter.
          util.set(device, Math.round(busy));
          engine.set(device, round((busy / 100) * 0.93, 6));
          const usedMiB = Math.round(gpuMemoryUsedGiB(noise, m, gpu) * 1024);
          fbUsed.set(device, usedMiB);
          fbFree.set(device, gpu.memoryGiB * 1024 - usedMiB);
          continue;
        }
        for (const slice of gpu.mig) {
          const labels = { ...device, GPU_I_PROFILE: slice.profile, GPU_I_ID: String(slice.instanceId) };
          engine.set(labels, round(sliceUtilPct(noise, m, gpu, slice) / 100, 6));
          const usedMiB = Math.round(sliceMemoryUsedGiB(noise, m, gpu, slice) * 1024);
          fbUsed.set(labels, usedMiB);
          fbFree.set(labels, slice.memoryGiB * 1024 - usedMiB);
        }
      }
    },
  };
}
