/** 32-bit FNV-1a: stable across runs and platforms, so a series keeps its noise pattern. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Folds up to three integers into one well-spread 32-bit value (murmur3's finalizer per input). */
export function mix(a: number, b: number, c = 0): number {
  let hash = 0x9e3779b9;
  for (const value of [a, b, c]) {
    hash = Math.imul(hash ^ (value >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** A small seeded PRNG; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box-Muller); 1 - u keeps log() away from 0. */
export function gaussian(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const Z95 = 1.6448536;

/**
 * A log-normal draw described by its median and 95th percentile: latency specs read
 * like SLOs ("p95 280 ms"), so thresholds can be checked against the spec by eye.
 */
export function logNormal(random: () => number, median: number, p95: number): number {
  const sigma = Math.log(Math.max(p95, median * 1.0001) / median) / Z95;
  return median * Math.exp(sigma * gaussian(random));
}

/** Seeded noise sources. Every value is a function of (seed, series key, time), never of call order. */
export class Noise {
  constructor(readonly seed: number) {}

  key(name: string): number {
    return mix(hashString(name), this.seed);
  }

  /** Smooth noise in [-1, 1]: random knots every `period` seconds, cosine-interpolated, so gauges wander instead of jumping. */
  smooth(key: number, t: number, period = 120): number {
    const x = t / period;
    const index = Math.floor(x);
    const weight = (1 - Math.cos(Math.PI * (x - index))) / 2;
    const from = knot(key, index);
    return from + (knot(key, index + 1) - from) * weight;
  }

  /** Smooth noise for a series named by a string; hashing per call is cheap next to a scrape. */
  wobble(name: string, t: number, period = 120): number {
    return this.smooth(this.key(name), t, period);
  }

  /** A PRNG for one series at one step, so draws do not depend on how often anyone scraped. */
  random(key: number, step: number): () => number {
    return mulberry32(mix(key, step, 0x5eed));
  }
}

function knot(key: number, index: number): number {
  return (mix(key, index) / 4294967296) * 2 - 1;
}
