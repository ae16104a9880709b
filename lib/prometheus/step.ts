import { MAX_POINTS_PER_SERIES } from "@/lib/validations/prometheus";

export interface StepOptions {
  rangeSeconds: number;
  /** Width of the plot area in CSS pixels: more points than pixels cannot be seen. */
  widthPx: number;
  /** Finer steps than the scrape interval only repeat samples. */
  minStepSeconds?: number;
}

const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/**
 * The step for a range query: about one point per pixel, never finer than the scrape
 * interval, rounded up to a step people recognise, and never over Prometheus's point limit.
 */
export function chooseStep({ rangeSeconds, widthPx, minStepSeconds = 1 }: StepOptions): number {
  const pixels = Math.max(1, Math.floor(widthPx));
  const raw = Math.max(rangeSeconds / pixels, minStepSeconds, rangeSeconds / MAX_POINTS_PER_SERIES);
  return NICE_STEPS.find((step) => step >= raw) ?? Math.ceil(raw / 86_400) * 86_400;
}
