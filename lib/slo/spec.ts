import { parseDocument } from "yaml";
import { z } from "zod";
import { canonicalLe, leValue } from "./le";
import { selectorText, sloId, type Selector, type Sli, type SloDefinition, type SloWindow } from "./model";

/**
 * Reads SLO files: Vigil's own format (`version: vigil/v1`) and Sloth's `prometheus/v1` specs as
 * Sloth writes them. Every problem names the file and the field it is in. The format is documented
 * in slos/README.md.
 */

export interface SpecProblem {
  file: string;
  /** Dotted path of the field, e.g. `slos[1].sli.latency.le`; empty for the whole file. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; slos: SloDefinition[] } | { ok: false; problems: SpecProblem[] };

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const MATCHER = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*/y;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Splits `metric{a="b", c=~"d"}` into name and matchers; undefined with a reason when it is not one. */
export function parseSelector(text: string): Selector | string {
  const trimmed = text.trim();
  const open = trimmed.indexOf("{");
  const metric = open === -1 ? trimmed : trimmed.slice(0, open).trim();
  if (!METRIC.test(metric)) return `"${metric}" is not a metric name (a series selector like metric{label="value"} is expected)`;
  if (open === -1) return { metric, matchers: "" };
  if (!trimmed.endsWith("}")) return "the selector does not end with }";
  const inner = trimmed.slice(open + 1, -1);
  const parts: string[] = [];
  let position = 0;
  while (position < inner.length) {
    MATCHER.lastIndex = position;
    const match = MATCHER.exec(inner);
    if (!match) return `cannot read the matchers at "${inner.slice(position, position + 20)}"`;
    const [, label = "", operator = "", value = ""] = match;
    if (label === "le" || label === "__name__") return `the selector may not match on ${label}`;
    parts.push(`${label}${operator}"${value}"`);
    position = MATCHER.lastIndex;
    if (position < inner.length) {
      if (inner[position] !== ",") return `expected "," after ${label}${operator}"${value}"`;
      position += 1;
    }
  }
  return { metric, matchers: parts.join(", ") };
}

const selector = z.string().transform((text, context): Selector => {
  const parsed = parseSelector(text);
  if (typeof parsed === "string") {
    context.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const windowTemplate = (name: string) =>
  z.string().refine((text) => text.includes("{{.window}}"), `${name} must contain {{.window}} where the range goes`);

const objective = z
  .number({ error: "objective must be a number of percent, like 99.9" })
  .gt(0, "objective must be above 0 %")
  .lt(100, "objective must be below 100 % (an objective of 100 % leaves no error budget)");

const labels = z.record(z.string().regex(LABEL_NAME, "label names are letters, digits and _"), z.string()).default({});

const eventsSli = z.object({ error_query: windowTemplate("error_query"), total_query: windowTemplate("total_query") });
const rawSli = z.object({ error_ratio_query: windowTemplate("error_ratio_query") });

const vigilSli = z
  .strictObject({
    ratio: z
      .strictObject({ errors: selector.optional(), good: selector.optional(), total: selector })
      .refine((ratio) => (ratio.errors === undefined) !== (ratio.good === undefined), "give exactly one of errors or good")
      .optional(),
    latency: z
      .strictObject({
        histogram: selector,
        le: z.union([z.number(), z.string()]).transform((value, context) => {
          const parsed = leValue(String(value));
          if (parsed === undefined || !Number.isFinite(parsed) || parsed <= 0) {
            context.addIssue({ code: "custom", message: `le must be a bucket edge like 0.35 or 2 (got ${String(value)})` });
            return z.NEVER;
          }
          return canonicalLe(parsed);
        }),
      })
      .refine((latency) => !/_bucket$|_count$|_sum$/.test(latency.histogram.metric), {
        message: "histogram is the base name, without _bucket, _count or _sum",
        path: ["histogram"],
      })
      .optional(),
    bool: z.strictObject({ expr: z.string().min(1) }).optional(),
    events: eventsSli.optional(),
    raw: rawSli.optional(),
  })
  .refine((sli) => Object.values(sli).filter((value) => value !== undefined).length === 1, {
    message: "give exactly one of ratio, latency, bool, events or raw",
  });

const vigilSlo = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "name is letters, digits, -, _ and ."),
  description: z.string().default(""),
  objective,
  window: z.enum(["7d", "28d", "30d", "calendar-month"], { error: "window must be 7d, 28d, 30d or calendar-month" }).default("30d"),
  sli: vigilSli,
  groupBy: z.string().regex(LABEL_NAME, "groupBy is one label name").optional(),
  labels,
  runbook: z.url({ error: "runbook must be a URL" }).optional(),
  dashboards: z.array(z.strictObject({ title: z.string().min(1), url: z.string().min(1) })).default([]),
  alerting: z
    .strictObject({ page: z.boolean().default(true), ticket: z.boolean().default(true), absent: z.boolean().default(true) })
    .default({ page: true, ticket: true, absent: true }),
  datasource: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "datasource is the name of a Prometheus source (PROMETHEUS_SOURCES), like thanos")
    .optional(),
});

const vigilFile = z.strictObject({
  version: z.literal("vigil/v1"),
  service: z.string().min(1, "service is required"),
  labels,
  slos: z.array(vigilSlo).min(1, "slos needs at least one SLO"),
});

// Sloth's spec, read leniently: unknown keys are ignored as Sloth itself does.
const slothSlo = z.object({
  name: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "name is letters, digits, -, _ and ."),
  description: z.string().default(""),
  objective,
  labels,
  sli: z
    .object({ events: eventsSli.optional(), raw: rawSli.optional(), plugin: z.unknown().optional() })
    .refine((sli) => sli.plugin === undefined, "Sloth SLI plugins are not supported; use events or raw")
    .refine((sli) => sli.plugin !== undefined || (sli.events === undefined) !== (sli.raw === undefined), "give exactly one of events or raw"),
  alerting: z
    .object({
      name: z.string().optional(),
      annotations: z.record(z.string(), z.string()).default({}),
      page_alert: z.object({ disable: z.boolean().default(false) }).default({ disable: false }),
      ticket_alert: z.object({ disable: z.boolean().default(false) }).default({ disable: false }),
    })
    .default({ annotations: {}, page_alert: { disable: false }, ticket_alert: { disable: false } }),
});

const slothFile = z.object({
  version: z.literal("prometheus/v1"),
  service: z.string().min(1, "service is required"),
  labels,
  slos: z.array(slothSlo).min(1, "slos needs at least one SLO"),
});

/** 99.9 -> 0.999 without float noise (99.9 / 100 is 0.9990000000000001). */
function fromPercent(percent: number): number {
  return Number((percent / 100).toFixed(10));
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), "");
}

function problemsOf(file: string, error: z.ZodError): SpecProblem[] {
  return error.issues.map((issue) => ({ file, path: pathText(issue.path), message: issue.message }));
}

function toWindow(text: "7d" | "28d" | "30d" | "calendar-month"): SloWindow {
  if (text === "calendar-month") return { kind: "calendar-month" };
  return { kind: "rolling", days: text === "7d" ? 7 : text === "28d" ? 28 : 30 };
}

function vigilSliOf(sli: z.infer<typeof vigilSli>): Sli {
  if (sli.ratio) return { kind: "ratio", errors: sli.ratio.errors, good: sli.ratio.good, total: sli.ratio.total };
  if (sli.latency) return { kind: "latency", histogram: sli.latency.histogram, le: sli.latency.le };
  if (sli.bool) return { kind: "bool", expr: sli.bool.expr };
  if (sli.events) return { kind: "events", errorQuery: sli.events.error_query, totalQuery: sli.events.total_query };
  if (sli.raw) return { kind: "raw", errorRatioQuery: sli.raw.error_ratio_query };
  throw new Error("unreachable: the schema requires one SLI kind");
}

/** Parses one SLO file's text. `file` names it in problems and in each SLO's source. */
export function parseSloFile(file: string, text: string): ParseResult {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.map((error) => ({ file, path: "", message: `YAML: ${error.message}` })) };
  }
  const value: unknown = document.toJS();
  const version = typeof value === "object" && value !== null && "version" in value ? value.version : undefined;
  if (version === "prometheus/v1") {
    const parsed = slothFile.safeParse(value);
    if (!parsed.success) return { ok: false, problems: problemsOf(file, parsed.error) };
    const spec = parsed.data;
    return {
      ok: true,
      slos: spec.slos.map((slo) => ({
        id: sloId(spec.service, slo.name),
        service: spec.service,
        name: slo.name,
        description: slo.description,
        objective: fromPercent(slo.objective),
        window: { kind: "rolling", days: 30 },
        sli: slo.sli.events
          ? { kind: "events", errorQuery: slo.sli.events.error_query, totalQuery: slo.sli.events.total_query }
          : { kind: "raw", errorRatioQuery: slo.sli.raw?.error_ratio_query ?? "" },
        labels: { ...spec.labels, ...slo.labels },
        runbookUrl: slo.alerting.annotations.runbook ?? slo.alerting.annotations.runbook_url,
        dashboards: [],
        alerting: { page: !slo.alerting.page_alert.disable, ticket: !slo.alerting.ticket_alert.disable, absent: false },
        source: { file, format: "prometheus/v1" },
      })),
    };
  }
  if (version !== "vigil/v1") {
    return { ok: false, problems: [{ file, path: "version", message: 'version must be "vigil/v1" or Sloth\'s "prometheus/v1"' }] };
  }
  const parsed = vigilFile.safeParse(value);
  if (!parsed.success) return { ok: false, problems: problemsOf(file, parsed.error) };
  const spec = parsed.data;
  const slos = spec.slos.map(
    (slo): SloDefinition => ({
      id: sloId(spec.service, slo.name),
      service: spec.service,
      name: slo.name,
      description: slo.description,
      objective: fromPercent(slo.objective),
      window: toWindow(slo.window),
      sli: vigilSliOf(slo.sli),
      groupBy: slo.groupBy,
      labels: { ...spec.labels, ...slo.labels },
      runbookUrl: slo.runbook,
      dashboards: slo.dashboards,
      alerting: slo.alerting,
      datasource: slo.datasource,
      source: { file, format: "vigil/v1" },
    }),
  );
  return { ok: true, slos };
}

/**
 * One SLO as the console stores it and the editor sends it: an SLO of a vigil/v1 file plus its
 * service. The same schema validates files, the API and the form.
 */
export const storedSloSpecSchema = vigilSlo.extend({
  service: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$/, "service is letters, digits, -, _ and . (up to 100)"),
});
export type StoredSloSpecInput = z.input<typeof storedSloSpecSchema>;
export type StoredSloSpec = z.output<typeof storedSloSpecSchema>;

/** The SLO a validated stored spec stands for. */
export function sloFromStoredSpec(spec: StoredSloSpec, source: SloDefinition["source"]): SloDefinition {
  return {
    id: sloId(spec.service, spec.name),
    service: spec.service,
    name: spec.name,
    description: spec.description,
    objective: fromPercent(spec.objective),
    window: toWindow(spec.window),
    sli: vigilSliOf(spec.sli),
    groupBy: spec.groupBy,
    labels: spec.labels,
    runbookUrl: spec.runbook,
    dashboards: spec.dashboards,
    alerting: spec.alerting,
    datasource: spec.datasource,
    source,
  };
}

/** Zod issues as field problems: `sli.latency.le` and the message. */
export function specIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
}

/** Parses several files; SLO ids must be unique across all of them. */
export function parseSloFiles(files: ReadonlyArray<{ file: string; text: string }>): ParseResult {
  const problems: SpecProblem[] = [];
  const slos: SloDefinition[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    const result = parseSloFile(file, text);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    result.slos.forEach((slo, index) => {
      const earlier = seen.get(slo.id);
      if (earlier) problems.push({ file, path: `slos[${index}].name`, message: `SLO ${slo.id} is also defined in ${earlier}` });
      seen.set(slo.id, file);
      slos.push(slo);
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, slos };
}

export function formatProblem(problem: SpecProblem): string {
  return `${problem.file}${problem.path ? ` ${problem.path}` : ""}: ${problem.message}`;
}

/** The canonical input form of a validated spec (selectors as text): what is stored and what the form edits. */
export function storedSpecInput(spec: StoredSloSpec): StoredSloSpecInput {
  const sli = spec.sli;
  return {
    service: spec.service,
    name: spec.name,
    description: spec.description,
    objective: spec.objective,
    window: spec.window,
    sli: {
      ...(sli.ratio
        ? {
            ratio: {
              ...(sli.ratio.errors ? { errors: selectorText(sli.ratio.errors) } : {}),
              ...(sli.ratio.good ? { good: selectorText(sli.ratio.good) } : {}),
              total: selectorText(sli.ratio.total),
            },
          }
        : {}),
      ...(sli.latency ? { latency: { histogram: selectorText(sli.latency.histogram), le: sli.latency.le } } : {}),
      ...(sli.bool ? { bool: sli.bool } : {}),
      ...(sli.events ? { events: sli.events } : {}),
      ...(sli.raw ? { raw: sli.raw } : {}),
    },
    ...(spec.groupBy ? { groupBy: spec.groupBy } : {}),
    labels: spec.labels,
    ...(spec.runbook ? { runbook: spec.runbook } : {}),
    dashboards: spec.dashboards,
    alerting: spec.alerting,
    ...(spec.datasource ? { datasource: spec.datasource } : {}),
  };
}
