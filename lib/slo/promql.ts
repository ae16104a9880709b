import { parseDuration } from "./duration";
import { leMatcherRegex, leValue } from "./le";
import { selectorText, type SloDefinition } from "./model";

/**
 * PromQL for an SLO's events over a range. Always `sum(increase(x[range]))` (the sum of each
 * series' own increase, so counter resets are handled per series), never the increase of a sum;
 * long windows are counted directly, never averaged from short-window ratios.
 */

/** Failed and all events over the range, as counts; `ratio` only for Sloth's raw error-ratio SLIs. */
export type EventQueries = { kind: "counts"; bad: string; total: string } | { kind: "ratio"; ratio: string };

/**
 * Subquery resolution for boolean SLIs: every minute for ranges up to 3 days, every 5 minutes beyond
 * (a 30-day subquery at 1m would be 43,200 points per series). Counts are always in minutes.
 */
export function boolStepMinutes(range: string): number {
  return (parseDuration(range) ?? 0) > 3 * 86_400 ? 5 : 1;
}

function sumBy(slo: Pick<SloDefinition, "groupBy">): string {
  return slo.groupBy ? `sum by (${slo.groupBy})` : "sum";
}

function fillTemplate(template: string, range: string): string {
  return template.replaceAll("{{.window}}", range);
}

/** Sloth's queries are usually rates: turn them into counts over the range. */
function asCount(query: string, range: string): string {
  if (/\bincrease\s*\(/.test(query) && !/\b(i?rate)\s*\(/.test(query)) return `(${query})`;
  return `(${query}) * ${parseDuration(range) ?? 0}`;
}

function goodAndTotal(
  slo: Pick<SloDefinition, "groupBy">,
  sli: Extract<SloDefinition["sli"], { kind: "latency" | "bool" }>,
  range: string,
): { total: string; good: string } {
  const sum = sumBy(slo);
  if (sli.kind === "latency") {
    const edge = leValue(sli.le) ?? Number.NaN;
    return {
      total: `${sum} (increase(${selectorText(sli.histogram, [], "_count")}[${range}]))`,
      good: `${sum} (increase(${selectorText(sli.histogram, [`le=~"${leMatcherRegex(edge)}"`], "_bucket")}[${range}]))`,
    };
  }
  const step = boolStepMinutes(range);
  const scale = step === 1 ? "" : ` * ${step}`;
  return {
    total: `${sum} (count_over_time((${sli.expr})[${range}:${step}m]))${scale}`,
    good: `${sum} (sum_over_time((${sli.expr})[${range}:${step}m]))${scale}`,
  };
}

export function eventQueries(slo: Pick<SloDefinition, "sli" | "groupBy">, range: string): EventQueries {
  const sum = sumBy(slo);
  const sli = slo.sli;
  switch (sli.kind) {
    case "ratio": {
      const total = `${sum} (increase(${selectorText(sli.total)}[${range}]))`;
      // A selector for errors that matches nothing yet means no errors, not no data: fill with 0 where there is traffic.
      if (sli.errors) return { kind: "counts", bad: `(${sum} (increase(${selectorText(sli.errors)}[${range}])) or ${total} * 0)`, total };
      const good = sli.good ? `${sum} (increase(${selectorText(sli.good)}[${range}]))` : "vector(0)";
      return { kind: "counts", bad: `(${total} - (${good} or ${total} * 0))`, total };
    }
    case "latency":
    case "bool": {
      // No `or` here: a threshold that is not a bucket edge must show as missing, not as "all slow".
      const { total, good } = goodAndTotal(slo, sli, range);
      return { kind: "counts", bad: `(${total} - ${good})`, total };
    }
    case "events":
      return {
        kind: "counts",
        bad: asCount(fillTemplate(sli.errorQuery, range), range),
        total: asCount(fillTemplate(sli.totalQuery, range), range),
      };
    case "raw":
      return { kind: "ratio", ratio: `(${fillTemplate(sli.errorRatioQuery, range)})` };
  }
}

/**
 * The cheaper form for batched figures: each selector evaluated once, the subtraction done by the
 * caller. `missing` says what a missing bad/good part means where there are events: no errors yet
 * ("zero" failed), no good events yet ("all" failed), or nothing known ("unknown").
 */
export type EventParts =
  | { kind: "parts"; total: string; bad?: string; good?: string; missing: "zero" | "all" | "unknown" }
  | { kind: "ratio"; ratio: string };

export function eventParts(slo: Pick<SloDefinition, "sli" | "groupBy">, range: string): EventParts {
  const sum = sumBy(slo);
  const sli = slo.sli;
  switch (sli.kind) {
    case "ratio": {
      const total = `${sum} (increase(${selectorText(sli.total)}[${range}]))`;
      if (sli.errors) return { kind: "parts", total, bad: `${sum} (increase(${selectorText(sli.errors)}[${range}]))`, missing: "zero" };
      return { kind: "parts", total, good: sli.good ? `${sum} (increase(${selectorText(sli.good)}[${range}]))` : undefined, missing: "all" };
    }
    case "latency":
    case "bool":
      return { kind: "parts", ...goodAndTotal(slo, sli, range), missing: "unknown" };
    case "events": {
      const counts = eventQueries(slo, range);
      return counts.kind === "counts" ? { kind: "parts", total: counts.total, bad: counts.bad, missing: "unknown" } : counts;
    }
    case "raw":
      return { kind: "ratio", ratio: `(${fillTemplate(sli.errorRatioQuery, range)})` };
  }
}

/** The query that tells whether the SLI's series exist at all (for the absent-metric alert). */
export function presenceQuery(slo: Pick<SloDefinition, "sli" | "groupBy">): string {
  const sli = slo.sli;
  switch (sli.kind) {
    case "ratio":
      return selectorText(sli.total);
    case "latency":
      return selectorText(sli.histogram, [], "_count");
    case "bool":
      return `(${sli.expr})`;
    case "events":
      return `(${fillTemplate(sli.totalQuery, "5m")})`;
    case "raw":
      return `(${fillTemplate(sli.errorRatioQuery, "5m")})`;
  }
}

/** Escapes text for a PromQL double-quoted string. */
export function promString(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** Tags every series of `expr` with fixed labels, so many SLOs can share one request. */
export function tagged(expr: string, labels: Record<string, string>): string {
  return Object.entries(labels).reduce(
    (inner, [name, value]) => `label_replace(${inner}, ${promString(name)}, ${promString(value)}, "", "")`,
    expr,
  );
}

export interface BatchPart {
  sloId: string;
  part: "bad" | "good" | "total" | "ratio";
  expr: string;
}

/** One expression answering every part, each series tagged with slo_id and slo_part. */
export function batchExpression(parts: readonly BatchPart[]): string {
  return parts.map((part) => tagged(part.expr, { slo_id: part.sloId, slo_part: part.part })).join(" or ");
}
