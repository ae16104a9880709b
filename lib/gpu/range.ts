/** The GPU page's windows, in the URL as ?range=6h. */
export const GPU_RANGES = { "1h": 3600, "6h": 6 * 3600, "24h": 24 * 3600 } as const;
export type GpuRange = keyof typeof GPU_RANGES;
export const DEFAULT_GPU_RANGE: GpuRange = "6h";

export function parseGpuRange(value: string | null | undefined): GpuRange {
  return value === "1h" || value === "6h" || value === "24h" ? value : DEFAULT_GPU_RANGE;
}
