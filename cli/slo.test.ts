import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "./main";

let stdout: string[];
let stderr: string[];

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void stdout.push(parts.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void stderr.push(parts.join(" ")));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("vigil slo", () => {
  it("is listed in the usage and has its own help", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(stdout.join("\n")).toContain("slo");
    expect(await main(["slo", "--help"])).toBe(0);
    expect(stdout.join("\n")).toContain("vigil slo rules <file-or-dir>");
  });

  it("exits 2 on a missing or unknown action and a missing path", async () => {
    expect(await main(["slo"])).toBe(2);
    expect(await main(["slo", "explode", "slos"])).toBe(2);
    expect(await main(["slo", "rules"])).toBe(2);
    expect(stderr.join("\n")).toContain('unknown action "explode"');
  });

  it("exits 1 naming the file when it does not exist", async () => {
    expect(await main(["slo", "rules", "no/such/dir"])).toBe(1);
    expect(stderr.join("\n")).toContain("no/such/dir does not exist");
  });

  it("exits 2 on a bad Prometheus URL", async () => {
    expect(await main(["slo", "status", "slos", "--prometheus-url", "ftp://x"])).toBe(2);
    expect(stderr.join("\n")).toContain("PROMETHEUS_URL must be an http(s) URL");
  });

  it("prints rules for the shipped SLOs", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await main(["slo", "rules", "slos"])).toBe(0);
    const printed = write.mock.calls.map(([chunk]) => String(chunk)).join("");
    expect(printed).toContain("alert: SLOBudgetBurnFast");
    expect(printed).toContain("record: slo:error_ratio:rate5m");
  });
});

describe("vigil slo status table", () => {
  it("prints one line per SLO with its figures, alerts and flags", async () => {
    const { statusTable } = await import("./slo");
    const { evaluateSlo } = await import("@/lib/slo/compute");
    const { loadSlos } = await import("@/lib/slo/load");
    const loaded = loadSlos("slos/counterfactual-lab.yaml");
    if (!loaded.ok || !loaded.slos[0]) throw new Error("the shipped file should load");
    const counts = { bad: 400, total: 1_000_000 };
    const status = evaluateSlo(loaded.slos[0], { window: counts, "5m": { bad: 30, total: 1000 }, "1h": { bad: 300, total: 10_000 } }, { now: new Date() });
    const silent = evaluateSlo(loaded.slos[0], {}, { now: new Date() });
    const [header, line, empty] = statusTable([status, silent]).split("\n");
    expect(header).toMatch(/^SLO\s+objective\s+SLI\s+budget left\s+events left\s+5m\s+30m\s+1h/);
    expect(line).toContain("counterfactual-lab/availability (30d)");
    expect(line).toContain("99.960 %");
    expect(line).toContain("60.0 %");
    expect(line).toContain("PAGE");
    expect(empty).toContain("no data");
    expect(empty).toContain("no-data");
  });
});
