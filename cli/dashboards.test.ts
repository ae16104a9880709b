import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "./main";

const fixtures = path.join(import.meta.dirname, "..", "lib", "dashboards", "grafana", "fixtures");
let stdout: string[];
let stderr: string[];

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void stdout.push(parts.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void stderr.push(parts.join(" ")));
  vi.stubEnv("DATABASE_URL", "");
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function tempFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "vigil-import-")), "board.json");
  writeFileSync(file, content);
  return file;
}

describe("vigil dashboards import", () => {
  it("--dry-run --json prints exactly the report", async () => {
    const file = path.join(fixtures, "dcgm-exporter-dashboard.json");
    expect(await main(["dashboards", "import", file, "--dry-run", "--json"])).toBe(0);
    expect(JSON.parse(stdout.join("\n"))).toEqual(JSON.parse(readFileSync(path.join(fixtures, "dcgm-exporter-dashboard.report.json"), "utf8")));
    expect(stderr).toEqual([]);
  });

  it("--dry-run prints a readable report with the uid it would use", async () => {
    expect(await main(["dashboards", "import", path.join(fixtures, "inferno-dashboard.json"), "--dry-run", "--uid", "inferno"])).toBe(0);
    const text = stdout.join("\n");
    expect(text).toContain("Inferno v0.8.0 - Overview (uid inferno): 8 panels, 1 variables");
    expect(text).toContain('partial timeseries  Pod Memory Usage — unit "decmbytes" has no equivalent');
    expect(text).toContain("Panels: 7 converted, 1 partial, 0 unsupported.");
  });

  it("exits 1 with the clear error for a file that is not a Grafana dashboard", async () => {
    const file = tempFile(JSON.stringify({ kind: "Dashboard", metadata: { name: "x" }, spec: { panels: {}, layouts: [] } }));
    expect(await main(["dashboards", "import", file, "--dry-run"])).toBe(1);
    expect(stderr.join("\n")).toMatch(/^vigil dashboards: This is a Perses dashboard[\s\S]*Vigil imports Grafana dashboard JSON/);
    expect(stdout).toEqual([]);
  });

  it("exits 1 for bad JSON and for a file it cannot read", async () => {
    expect(await main(["dashboards", "import", tempFile("{nope"), "--dry-run"])).toBe(1);
    expect(stderr.join("\n")).toContain("The file is not valid JSON");
    expect(await main(["dashboards", "import", "/nonexistent/board.json", "--dry-run"])).toBe(1);
    expect(stderr.join("\n")).toContain("cannot read /nonexistent/board.json");
  });

  it("exits 2 on wrong usage: no file, unknown action, a bad --uid, no database without --dry-run", async () => {
    expect(await main(["dashboards", "import"])).toBe(2);
    expect(await main(["dashboards", "export", "x.json"])).toBe(2);
    expect(await main(["dashboards", "import", "x.json"])).toBe(2);
    expect(stderr.join("\n")).toContain("set DATABASE_URL or pass --database-url (or use --dry-run)");
    expect(await main(["dashboards", "import", path.join(fixtures, "inferno-dashboard.json"), "--dry-run", "--uid", "Not Valid"])).toBe(1);
    expect(stderr.join("\n")).toContain('uid: "Not Valid" must be lower-case');
  });

  it("is listed in the CLI's help", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(stdout.join("\n")).toContain("dashboards");
  });
});
