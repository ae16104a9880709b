import { describe, expect, it } from "vitest";
import { EMPTY_FORM, fieldOfPath, formErrors, formFromSpec, specFromForm, type SloForm } from "./editor-form";
import { specIssues, storedSloSpecSchema, storedSpecInput } from "./spec";

const latencyForm: SloForm = {
  ...EMPTY_FORM,
  service: "vllm",
  name: "e2e-p99",
  objective: "99.5",
  window: "28d",
  sliKind: "latency",
  histogram: 'vllm:e2e_request_latency_seconds{job="vllm"}',
  le: "1.0",
  groupBy: "model_name",
  team: "llm-platform",
  labels: "tier=1",
  runbook: "https://runbooks.example/vllm",
  dashboards: "vLLM | /dashboards/vllm",
  datasource: "thanos",
};

function parsed(form: SloForm) {
  const built = specFromForm(form);
  if ("labelsProblem" in built) throw new Error(built.labelsProblem);
  return storedSloSpecSchema.safeParse(built.spec);
}

describe("the SLO editor's form", () => {
  it("makes a spec the shared schema accepts, with the edge in its canonical spelling", () => {
    const result = parsed(latencyForm);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toMatchObject({
      objective: 99.5,
      window: "28d",
      sli: { latency: { histogram: { metric: "vllm:e2e_request_latency_seconds", matchers: 'job="vllm"' }, le: "1" } },
      labels: { team: "llm-platform", tier: "1" },
      dashboards: [{ title: "vLLM", url: "/dashboards/vllm" }],
      datasource: "thanos",
    });
  });

  it("round-trips through the stored form", () => {
    const result = parsed(latencyForm);
    if (!result.success) throw new Error("not valid");
    expect(formFromSpec(storedSpecInput(result.data))).toEqual({ ...latencyForm, le: "1" });
  });

  it("puts each problem next to its field", () => {
    const result = parsed({ ...latencyForm, objective: "100", le: "fast", datasource: "Not A Name" });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = formErrors(specIssues(result.error));
    expect(Object.keys(errors).sort()).toEqual(["datasource", "le", "objective"]);
    expect(errors.le?.[0]).toMatch(/bucket edge/);
    const bucket = parsed({ ...latencyForm, histogram: "vllm:e2e_request_latency_seconds_bucket" });
    expect(bucket.success ? {} : formErrors(specIssues(bucket.error))).toEqual({ histogram: ["histogram is the base name, without _bucket, _count or _sum"] });
  });

  it("maps the API's spec.-prefixed paths too", () => {
    expect(fieldOfPath("spec.sli.latency.le")).toBe("le");
    expect(fieldOfPath("spec.sli.ratio.errors")).toBe("errors");
    expect(fieldOfPath("spec.datasource")).toBe("datasource");
    expect(fieldOfPath("spec.labels.team")).toBe("team");
    expect(fieldOfPath("spec.dashboards[0].url")).toBe("dashboards");
    expect(fieldOfPath("version")).toBe("form");
  });

  it("builds ratio and boolean SLIs, and refuses a label that is not name=value", () => {
    expect(specFromForm({ ...latencyForm, sliKind: "ratio-good", good: "ok_total", total: "all_total" })).toMatchObject({ spec: { sli: { ratio: { good: "ok_total", total: "all_total" } } } });
    expect(specFromForm({ ...latencyForm, sliKind: "bool", boolExpr: 'up{job="vllm"}' })).toMatchObject({ spec: { sli: { bool: { expr: 'up{job="vllm"}' } } } });
    expect(specFromForm({ ...latencyForm, labels: "tier" })).toEqual({ labelsProblem: '"tier" is not name=value' });
  });
});
