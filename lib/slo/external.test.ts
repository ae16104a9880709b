import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envelopeSchema, queryDataSchema } from "@/lib/prometheus/types";
import { externalSlos, pyrraSlos, slothSlos } from "./external";
import { vectorSamples } from "./prometheus-http";

// Recorded from the stack's Prometheus (stack/rules/sloth-pyrra-demo.yml) with SLOTH_SELECTOR and PYRRA_SELECTOR.
function recorded(name: string) {
  const body = envelopeSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8")));
  if (body.status !== "success") throw new Error(`${name} is not a successful answer`);
  return vectorSamples(queryDataSchema.parse(body.data));
}

const sloth = recorded("sloth-series.json");
const pyrra = recorded("pyrra-series.json");

describe("Sloth's recorded series", () => {
  it("make one SLO with the objective, window, SLI and budget Sloth recorded", () => {
    const [slo, ...rest] = slothSlos(sloth);
    expect(rest).toEqual([]);
    expect(slo).toMatchObject({
      key: "sloth--vllm-requests-not-aborted",
      tool: "sloth",
      service: "vllm",
      name: "requests-not-aborted",
      labels: { owner: "llm-platform" },
      windowSeconds: 30 * 86_400,
    });
    expect(slo?.objective).toBeCloseTo(0.99, 12);
    expect(slo?.sli).toBeCloseTo(1 - 0.006436306533237495, 12);
    // Sloth's own slo:period_error_budget_remaining:ratio, not recomputed.
    expect(slo?.errorBudgetRemaining).toBeCloseTo(0.35636934667624387, 12);
  });

  it("turns the short-window error ratios into burn rates, shortest first, without the period", () => {
    const [slo] = slothSlos(sloth);
    expect(slo?.burnRates.map((burn) => burn.window)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
    // The 5m burn rate equals Sloth's slo:current_burn_rate:ratio.
    expect(slo?.burnRates[0]?.rate).toBeCloseTo(0.8802200509063676, 9);
  });

  it("ignores series without sloth_id (Vigil's own slo:* rules)", () => {
    expect(slothSlos([{ labels: { __name__: "slo:objective:ratio", slo_id: "a--b" }, value: 0.99 }])).toEqual([]);
  });
});

describe("Pyrra's recorded series", () => {
  it("make one SLO from the generic rules and the burn-rate rules", () => {
    const [slo, ...rest] = pyrraSlos(pyrra);
    expect(rest).toEqual([]);
    expect(slo).toMatchObject({ key: "pyrra--vllm-success", tool: "pyrra", name: "vllm-success", objective: 0.99, windowSeconds: 2_419_200 });
    expect(slo?.sli).toBeCloseTo(0.9908905153998447, 12);
    expect(slo?.errorBudgetRemaining).toBeCloseTo((0.9908905153998447 - 0.99) / 0.01, 9);
    expect(slo?.requestsPerSecond).toBeCloseTo(2.2905908, 6);
    expect(slo?.errorsPerSecond).toBeCloseTo(0.02015666, 6);
    expect(slo?.burnRates.map((burn) => burn.window)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "4d"]);
    // Pyrra's burnrate series hold the error ratio: the burn rate divides it by the budget.
    expect(slo?.burnRates[0]?.rate).toBeCloseTo(0.008671365489276548 / 0.01, 9);
  });

  it("needs pyrra_objective: burn-rate series alone (generic rules off) are not enough to judge", () => {
    expect(pyrraSlos(pyrra.filter((sample) => sample.labels.__name__ !== "pyrra_objective"))).toEqual([]);
  });

  it("keeps the worst group when a grouped SLO records one series per group", () => {
    const burn = pyrra.find((sample) => sample.labels.__name__ === "vllm:request_success:burnrate5m");
    if (!burn) throw new Error("fixture lacks burnrate5m");
    const grouped = [...pyrra, { labels: { ...burn.labels, model_name: "other" }, value: 0.05 }];
    expect(pyrraSlos(grouped)[0]?.burnRates[0]?.rate).toBeCloseTo(5, 9);
  });
});

describe("both tools", () => {
  it("list by tool, then name", () => {
    expect(externalSlos(sloth, pyrra).map((slo) => slo.key)).toEqual(["pyrra--vllm-success", "sloth--vllm-requests-not-aborted"]);
  });
});
