import { describe, expect, it } from "vitest";
import { demoTargets } from "./targets.ts";

describe("demoTargets", () => {
  it("lists every demo job with the agreed instances and /metrics/<job>/<instance> paths", () => {
    const targets = demoTargets();
    const byJob = (job: string) => targets.filter((target) => target.job === job).map((target) => target.instance);
    expect(new Set(targets.map((target) => target.job))).toEqual(
      new Set(["agent-sre", "learning-api", "learning-worker", "counterfactual-lab", "neuronetes", "inferno", "dcgm-exporter", "vllm", "opencost"]),
    );
    expect(byJob("agent-sre")).toEqual(["agent-sre-0"]);
    expect(byJob("inferno")).toEqual(["inferno-0", "inferno-1", "inferno-2"]);
    expect(byJob("dcgm-exporter")).toEqual(["gpu-node-1", "gpu-node-2", "gpu-node-3"]);
    expect(byJob("learning-worker")).toEqual(["rq-exporter", "worker-1", "worker-2"]);
    for (const target of targets) expect(target.path).toBe(`/metrics/${target.job}/${target.instance}`);
    expect(new Set(targets.map((target) => target.path)).size).toBe(targets.length);
  });

  it("is pure: each call returns an equal, fresh list", () => {
    const first = demoTargets();
    first.pop();
    expect(demoTargets()).toHaveLength(first.length + 1);
  });
});
