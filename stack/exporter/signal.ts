export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Linear blend from a (weight 0) to b (weight 1); incidents use their level as the weight. */
export function lerp(a: number, b: number, weight: number): number {
  return a + (b - a) * weight;
}

/** Seconds of the day at which a seeded run pretends to start: late morning, traffic rising. */
export const SEEDED_START_SECONDS_OF_DAY = 10 * 3600;

/**
 * Traffic multiplier over a day, from 0.45 at 04:00 to 1 at 16:00: our users serve one region,
 * so every system breathes together and dashboards show a believable daily shape.
 */
export function diurnalLoad(secondsOfDay: number): number {
  const hours = (((secondsOfDay / 3600) % 24) + 24) % 24;
  const wave = (1 - Math.cos((2 * Math.PI * (hours - 4)) / 24)) / 2;
  return 0.45 + 0.55 * wave;
}
