import type { SeriesPoints } from "@/lib/prometheus/parse-sample-values";
import { gpuIndexOf, gpuKey, nodeOf } from "./naming";

export interface XidEvent {
  /** Unix ms of the first sample with the new code. */
  at: number;
  key: string;
  node: string;
  gpu: string;
  /** The new last-XID code; 0 when it cleared. */
  code: number;
  previous: number | null;
}

/** What the usual XID codes mean (NVIDIA's XID catalog), for the events table. */
const XID_MEANINGS: Record<number, string> = {
  13: "Graphics engine exception (often the application)",
  31: "GPU memory page fault (often the application)",
  43: "GPU stopped processing (often the application)",
  45: "Preemptive cleanup after a previous error",
  48: "Double-bit ECC error",
  61: "Internal micro-controller breakpoint",
  62: "Internal micro-controller halt",
  63: "ECC page retirement or row remapping recorded",
  64: "ECC page retirement or row remapping failure",
  74: "NVLink error",
  79: "GPU has fallen off the bus",
  92: "High single-bit ECC error rate",
  94: "Contained ECC error",
  95: "Uncontained ECC error",
  119: "GSP RPC timeout",
  120: "GSP error",
};

export function xidMeaning(code: number): string {
  if (code === 0) return "Cleared (no XID since reset)";
  return XID_MEANINGS[code] ?? "See the NVIDIA XID catalog";
}

/**
 * XID events from the last-XID gauge (DCGM_FI_DEV_XID_ERRORS holds the code of the last error, not
 * a count): one event per change of value, plus the code already set when the range starts.
 */
export function xidEvents(series: readonly SeriesPoints[]): XidEvent[] {
  const events: XidEvent[] = [];
  for (const { labels, points } of series) {
    let previous: number | null = null;
    for (const [at, code] of points) {
      if (!Number.isFinite(code)) continue;
      const changed = previous === null ? code !== 0 : code !== previous;
      if (changed) events.push({ at, key: gpuKey(labels), node: nodeOf(labels), gpu: gpuIndexOf(labels), code, previous });
      previous = code;
    }
  }
  return events.sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
}
