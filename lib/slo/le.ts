/**
 * Histogram bucket edges. Clients write `le="1"`, Prometheus 3 rewrites it to `le="1.0"`, some
 * clients write `le="1.00"`: all are the same edge, so edges are compared as numbers
 * and selected with a regular expression that matches every spelling.
 */

/** The number an `le` value stands for, or undefined if it is not one. */
export function leValue(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "+Inf" || trimmed === "Inf") return Number.POSITIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** One canonical spelling: 1, 0.35, 2.5 (no trailing zeros, no exponent). */
export function canonicalLe(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  const fixed = value.toFixed(12);
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

export function sameEdge(a: string, b: string): boolean {
  const left = leValue(a);
  return left !== undefined && left === leValue(b);
}

/** A PromQL regular expression (for `le=~`) matching the usual spellings of the edge. */
export function leMatcherRegex(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return "\\\\+Inf";
  const canonical = canonicalLe(value);
  const [whole = "0", fraction] = canonical.split(".");
  return fraction === undefined ? `${whole}(\\\\.0*)?` : `${whole}\\\\.${fraction}0*`;
}

/** The distinct edges among label values, sorted, each in its canonical spelling. */
export function distinctEdges(values: readonly string[]): string[] {
  const numbers = new Set<number>();
  for (const value of values) {
    const parsed = leValue(value);
    if (parsed !== undefined) numbers.add(parsed);
  }
  return [...numbers].sort((a, b) => a - b).map(canonicalLe);
}
