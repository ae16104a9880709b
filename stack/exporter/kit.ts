import { Counter, Gauge, Histogram, Registry, type LabelValues } from "prom-client";
import type { IncidentName } from "./incidents.ts";
import { logNormal, type Noise } from "./random.ts";

/** Millisecond buckets; they include the SLO edges 350 ms, 800 ms, 1 s and 2.5 s. */
export const MS_BUCKETS = [10, 25, 50, 100, 150, 200, 250, 350, 500, 800, 1000, 1500, 2000, 2500, 3500, 5000, 10000, 30000];
/** Second buckets; they include 0.35, 0.8, 1, 2, 2.5 and 5 s for the seeds' SLOs and alerts. */
export const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.35, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 30];
/** Slow work measured in seconds: model loads, scheduling waits, background jobs. */
export const SLOW_SECONDS_BUCKETS = [0.5, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600];

/** The world at one whole second of simulated time. */
export interface Moment {
  /** Whole seconds since the exporter started. */
  t: number;
  /** Diurnal traffic multiplier in [0.45, 1]. */
  load: number;
  /** 0 when the incident is not running; ramps to 1 once it is in full effect. */
  level(name: IncidentName): number;
}

export interface SystemContext {
  noise: Noise;
  /** Seeded runs keep prices at their list values so tests can compute them by hand. */
  deterministic: boolean;
}

/** One simulated system: its scrape targets, and how its metrics move with time. */
export interface SimSystem {
  readonly targets: readonly Target[];
  /** Integrates counters and histograms over the one-second step that ends at m.t. */
  advance(m: Moment): void;
  /** Sets every gauge to its value at m.t. */
  sample(m: Moment): void;
}

/** A scrape target with its own registry, so each exposes only its own families. */
export class Target {
  readonly registry = new Registry();

  constructor(
    readonly job: string,
    readonly instance: string,
  ) {}

  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string = never>(name: string, help: string, buckets: number[], labelNames: readonly L[] = []): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}

/**
 * One counter series. Event counts stay whole numbers: the fraction of an expected count
 * carries to the next step, so the long-run rate is exact and the series never goes down.
 */
export class Tally<L extends string> {
  private carry = 0;

  constructor(
    private readonly metric: Counter<L>,
    private readonly labels: LabelValues<L>,
  ) {
    // Exposes the series at 0 from the start, so rate() is 0 rather than absent.
    metric.inc(labels, 0);
  }

  /** Adds a whole number of events whose mean is `expected`; returns how many. */
  count(expected: number): number {
    const total = this.carry + Math.max(0, expected);
    const events = Math.floor(total);
    this.carry = total - events;
    if (events > 0) this.metric.inc(this.labels, events);
    return events;
  }

  /** Adds a continuous amount (CPU seconds, dollars, GPU-hours). */
  add(amount: number): void {
    if (amount > 0) this.metric.inc(this.labels, amount);
  }
}

/** One histogram series fed with simulated observations. */
export class HistogramSeries<L extends string> {
  private carry = 0;
  private readonly key: number;

  constructor(
    private readonly metric: Histogram<L>,
    name: string,
    private readonly labels: LabelValues<L>,
    private readonly noise: Noise,
  ) {
    metric.zero(labels);
    this.key = noise.key(`${name}${JSON.stringify(labels)}`);
  }

  /** Observes a whole number of events averaging `expected`, each log-normal with this median and p95. */
  observe(t: number, expected: number, median: number, p95: number): number {
    return this.observeWith(t, expected, (random) => logNormal(random, median, p95));
  }

  /** Observes a whole number of events averaging `expected`, each drawn by `draw`. */
  observeWith(t: number, expected: number, draw: (random: () => number) => number): number {
    const total = this.carry + Math.max(0, expected);
    const events = Math.floor(total);
    this.carry = total - events;
    this.observeEvents(t, events, draw);
    return events;
  }

  /** Observes exactly `events` values drawn by `draw`. */
  observeEvents(t: number, events: number, draw: (random: () => number) => number): void {
    if (events <= 0) return;
    const random = this.noise.random(this.key, t);
    for (let index = 0; index < events; index += 1) this.metric.observe(this.labels, draw(random));
  }
}

/** Splits a rate by weights that sum to 1. */
export type Shares<K extends string> = ReadonlyArray<readonly [K, number]>;
