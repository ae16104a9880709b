import type { StoredSloSpecInput } from "./spec";

/**
 * The SLO editor's fields as text, and the spec they stand for. The spec is validated by the same
 * schema as files and the API (storedSloSpecSchema); its issue paths (`sli.latency.le`) key the
 * field errors, so a problem shows next to the field it concerns.
 */

export const SLI_KINDS = ["ratio-bad", "ratio-good", "latency", "bool"] as const;
export type SliKindChoice = (typeof SLI_KINDS)[number];

export const SLI_KIND_LABEL: Record<SliKindChoice, string> = {
  "ratio-bad": "Ratio: bad events / total events",
  "ratio-good": "Ratio: good events / total events",
  latency: "Latency: share of a histogram under a bucket edge",
  bool: "Boolean gauge: share of time an expression is 1",
};

export const WINDOWS = ["7d", "28d", "30d", "calendar-month"] as const;
export type WindowChoice = (typeof WINDOWS)[number];

export interface SloForm {
  service: string;
  name: string;
  description: string;
  objective: string;
  window: WindowChoice;
  sliKind: SliKindChoice;
  errors: string;
  good: string;
  total: string;
  histogram: string;
  le: string;
  boolExpr: string;
  groupBy: string;
  team: string;
  /** `name=value` pairs, comma- or line-separated. */
  labels: string;
  runbook: string;
  /** One per line: `title | url`. */
  dashboards: string;
  /** "" for the default Prometheus source. */
  datasource: string;
}

export const EMPTY_FORM: SloForm = {
  service: "",
  name: "",
  description: "",
  objective: "99.9",
  window: "30d",
  sliKind: "ratio-bad",
  errors: "",
  good: "",
  total: "",
  histogram: "",
  le: "",
  boolExpr: "",
  groupBy: "",
  team: "",
  labels: "",
  runbook: "",
  dashboards: "",
  datasource: "",
};

/** Which form field shows an issue at `path` (a spec path, with or without the API's `spec.` prefix). */
export function fieldOfPath(path: string): keyof SloForm | "form" {
  const bare = path.replace(/^spec\.?/, "");
  if (bare.startsWith("sli.ratio.errors")) return "errors";
  if (bare.startsWith("sli.ratio.good")) return "good";
  if (bare.startsWith("sli.ratio.total")) return "total";
  if (bare === "sli.ratio") return "total";
  if (bare.startsWith("sli.latency.histogram")) return "histogram";
  if (bare.startsWith("sli.latency")) return "le";
  if (bare.startsWith("sli.bool")) return "boolExpr";
  if (bare.startsWith("sli")) return "sliKind";
  if (bare.startsWith("labels.team")) return "team";
  if (bare.startsWith("labels")) return "labels";
  if (bare.startsWith("dashboards")) return "dashboards";
  const top = bare.split(/[.[]/)[0] ?? "";
  const direct: Record<string, keyof SloForm> = {
    service: "service",
    name: "name",
    description: "description",
    objective: "objective",
    window: "window",
    groupBy: "groupBy",
    runbook: "runbook",
    datasource: "datasource",
  };
  return direct[top] ?? "form";
}

/** Field errors keyed by form field, from issues with spec paths. */
export function formErrors(issues: ReadonlyArray<{ path: string; message: string }>): Partial<Record<keyof SloForm | "form", string[]>> {
  const errors: Partial<Record<keyof SloForm | "form", string[]>> = {};
  for (const issue of issues) (errors[fieldOfPath(issue.path)] ??= []).push(issue.message);
  return errors;
}

function parseLabels(text: string): Record<string, string> | string {
  const labels: Record<string, string> = {};
  for (const part of text.split(/[,\n]/).map((item) => item.trim()).filter(Boolean)) {
    const at = part.indexOf("=");
    if (at <= 0) return `"${part}" is not name=value`;
    labels[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return labels;
}

function parseDashboards(text: string): Array<{ title: string; url: string }> {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf("|");
      return at === -1 ? { title: line, url: line } : { title: line.slice(0, at).trim(), url: line.slice(at + 1).trim() };
    });
}

/** The spec the form stands for (unvalidated: the schema says what is wrong), or the labels field's problem. */
export function specFromForm(form: SloForm): { spec: StoredSloSpecInput } | { labelsProblem: string } {
  const labels = parseLabels(form.labels);
  if (typeof labels === "string") return { labelsProblem: labels };
  if (form.team.trim()) labels.team = form.team.trim();
  const objective = form.objective.trim() === "" ? Number.NaN : Number(form.objective);
  const sli: StoredSloSpecInput["sli"] =
    form.sliKind === "latency"
      ? { latency: { histogram: form.histogram.trim(), le: form.le } }
      : form.sliKind === "bool"
        ? { bool: { expr: form.boolExpr.trim() } }
        : form.sliKind === "ratio-good"
          ? { ratio: { good: form.good.trim(), total: form.total.trim() } }
          : { ratio: { errors: form.errors.trim(), total: form.total.trim() } };
  return {
    spec: {
      service: form.service.trim(),
      name: form.name.trim(),
      description: form.description.trim(),
      objective,
      window: form.window,
      sli,
      ...(form.groupBy.trim() ? { groupBy: form.groupBy.trim() } : {}),
      labels,
      ...(form.runbook.trim() ? { runbook: form.runbook.trim() } : {}),
      dashboards: parseDashboards(form.dashboards),
      ...(form.datasource ? { datasource: form.datasource } : {}),
    },
  };
}

function isWindow(value: unknown): value is WindowChoice {
  return typeof value === "string" && (WINDOWS as readonly string[]).includes(value);
}

/** The form for a stored spec (its canonical input form), to edit it. */
export function formFromSpec(spec: StoredSloSpecInput): SloForm {
  const sli = spec.sli;
  const { team, ...otherLabels } = spec.labels ?? {};
  const base: SloForm = {
    ...EMPTY_FORM,
    service: spec.service,
    name: spec.name,
    description: spec.description ?? "",
    objective: String(spec.objective),
    window: isWindow(spec.window) ? spec.window : "30d",
    groupBy: spec.groupBy ?? "",
    team: team ?? "",
    labels: Object.entries(otherLabels)
      .map(([name, value]) => `${name}=${value}`)
      .join(", "),
    runbook: spec.runbook ?? "",
    dashboards: (spec.dashboards ?? []).map((link) => `${link.title} | ${link.url}`).join("\n"),
    datasource: spec.datasource ?? "",
  };
  if (sli.latency) return { ...base, sliKind: "latency", histogram: sli.latency.histogram, le: String(sli.latency.le) };
  if (sli.bool) return { ...base, sliKind: "bool", boolExpr: sli.bool.expr };
  if (sli.ratio?.good !== undefined) return { ...base, sliKind: "ratio-good", good: sli.ratio.good, total: sli.ratio.total };
  if (sli.ratio) return { ...base, sliKind: "ratio-bad", errors: sli.ratio.errors ?? "", total: sli.ratio.total };
  return base;
}
