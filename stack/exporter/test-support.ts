/** Helpers for the exporter's tests: read exposition text and compute what PromQL would. */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`unparseable line: ${line}`);
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? "").matchAll(LABEL)) labels[label[1] ?? ""] = (label[2] ?? "").replace(/\\(.)/g, "$1");
    const raw = match[3] ?? "";
    samples.push({ name: match[1] ?? "", labels, value: raw === "+Inf" ? Infinity : raw === "-Inf" ? -Infinity : Number(raw) });
  }
  return samples;
}

export type Matcher = Record<string, string | RegExp>;

export function matches(sample: Sample, name: string, matcher: Matcher = {}): boolean {
  if (sample.name !== name) return false;
  return Object.entries(matcher).every(([key, expected]) => {
    const actual = sample.labels[key] ?? "";
    return typeof expected === "string" ? actual === expected : expected.test(actual);
  });
}

export function select(samples: readonly Sample[], name: string, matcher: Matcher = {}): Sample[] {
  return samples.filter((sample) => matches(sample, name, matcher));
}

export function total(samples: readonly Sample[], name: string, matcher: Matcher = {}): number {
  return select(samples, name, matcher).reduce((sum, sample) => sum + sample.value, 0);
}

/** Two scrapes of the same world some seconds apart: the inputs of rate() and histogram_quantile(). */
export class Window {
  constructor(
    readonly before: readonly Sample[],
    readonly after: readonly Sample[],
    readonly seconds: number,
  ) {}

  /** sum(rate(name{matcher}[window])) */
  rate(name: string, matcher: Matcher = {}): number {
    return (total(this.after, name, matcher) - total(this.before, name, matcher)) / this.seconds;
  }

  /** histogram_quantile(q, sum by (le) (rate(name_bucket{matcher}[window]))), with Prometheus' interpolation. */
  quantile(q: number, name: string, matcher: Matcher = {}): number {
    const increase = new Map<number, number>();
    for (const [samples, sign] of [[this.after, 1], [this.before, -1]] as const) {
      for (const sample of select(samples, `${name}_bucket`, matcher)) {
        const le = sample.labels.le === "+Inf" ? Infinity : Number(sample.labels.le);
        increase.set(le, (increase.get(le) ?? 0) + sign * sample.value);
      }
    }
    const buckets = [...increase].sort(([a], [b]) => a - b);
    const count = buckets.at(-1)?.[1] ?? 0;
    if (count <= 0) return Number.NaN;
    const rank = q * count;
    let lower = 0;
    let below = 0;
    for (const [le, cumulative] of buckets) {
      if (cumulative >= rank) {
        if (le === Infinity) return lower;
        return lower + ((le - lower) * (rank - below)) / Math.max(cumulative - below, 1e-9);
      }
      lower = le;
      below = cumulative;
    }
    return lower;
  }

  /** rate(name_sum) / rate(name_count) */
  mean(name: string, matcher: Matcher = {}): number {
    return this.rate(`${name}_sum`, matcher) / this.rate(`${name}_count`, matcher);
  }

  gauge(name: string, matcher: Matcher = {}): number[] {
    return select(this.after, name, matcher).map((sample) => sample.value);
  }
}
