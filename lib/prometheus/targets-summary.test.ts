import { describe, expect, it } from "vitest";
import { summarizeTargets, type ActiveTargetInput } from "./targets-summary";

function target(job: string, instance: string, health: string, lastError = ""): ActiveTargetInput {
  return {
    labels: { job, instance },
    scrapePool: job,
    scrapeUrl: `http://127.0.0.1:9464/metrics/${job}/${instance}`,
    health,
    lastError,
    lastScrape: "2026-11-21T05:00:00Z",
    lastScrapeDuration: 0.004,
  };
}

describe("summarizeTargets", () => {
  it("counts health per job and overall", () => {
    const summary = summarizeTargets([
      target("inferno", "inferno-0", "up"),
      target("inferno", "inferno-1", "down", "server returned HTTP status 503 Service Unavailable"),
      target("vllm", "vllm-0", "up"),
      target("vllm", "vllm-1", "unknown"),
    ]);
    expect(summary.totals).toEqual({ up: 2, down: 1, unknown: 1 });
    expect(summary.jobs.map((job) => [job.job, job.up, job.down, job.unknown])).toEqual([
      ["inferno", 1, 1, 0],
      ["vllm", 1, 0, 1],
    ]);
  });

  it("puts jobs with a target down first and down targets first within a job", () => {
    const summary = summarizeTargets([
      target("agent-sre", "agent-sre-0", "up"),
      target("vllm", "vllm-0", "up"),
      target("vllm", "vllm-1", "down", "connection refused"),
    ]);
    expect(summary.jobs.map((job) => job.job)).toEqual(["vllm", "agent-sre"]);
    expect(summary.jobs[0]?.targets[0]).toMatchObject({ instance: "vllm-1", health: "down", lastError: "connection refused" });
  });

  it("falls back to the scrape pool and URL when job or instance labels were relabelled away", () => {
    const summary = summarizeTargets([
      { ...target("x", "y", "up"), labels: {}, scrapePool: "pool", scrapeUrl: "http://h:1/metrics" },
    ]);
    expect(summary.jobs[0]?.job).toBe("pool");
    expect(summary.jobs[0]?.targets[0]?.instance).toBe("http://h:1/metrics");
  });

  it("summarises nothing as empty", () => {
    expect(summarizeTargets([])).toEqual({ totals: { up: 0, down: 0, unknown: 0 }, jobs: [] });
  });
});
