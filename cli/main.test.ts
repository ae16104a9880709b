import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "./main";

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

describe("vigil", () => {
  it("prints usage on --help and exits 0", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(stdout.join("\n")).toMatch(/Usage: vigil <command>[\s\S]*demo[\s\S]*db[\s\S]*test/);
    expect(stderr).toEqual([]);
  });

  it("prints a command's own help", async () => {
    expect(await main(["db", "--help"])).toBe(0);
    expect(stdout.join("\n")).toContain("new-migration NAME");
  });

  it("exits 2 with usage on stderr without a command", async () => {
    expect(await main([])).toBe(2);
  });

  it("exits 2 naming an unknown command on stderr", async () => {
    expect(await main(["frobnicate"])).toBe(2);
    expect(stderr.join("\n")).toContain('unknown command "frobnicate"');
    expect(stdout).toEqual([]);
  });

  it("exits 2 when db migrate has no database", async () => {
    expect(await main(["db", "migrate"])).toBe(2);
    expect(stderr.join("\n")).toContain("set DATABASE_URL or pass --database-url");
  });

  it("exits 2 on an unknown option and an unknown db action", async () => {
    expect(await main(["demo", "--colour"])).toBe(2);
    expect(await main(["db", "explode", "--database-url", "postgresql://x@127.0.0.1:1/x"])).toBe(2);
    expect(stderr.join("\n")).toContain('unknown action "explode"');
  });

  it("exits 1 with the reason when the database cannot be reached", async () => {
    expect(await main(["db", "status", "--database-url", "postgresql://vigil@127.0.0.1:1/vigil"])).toBe(1);
    expect(stderr.join("\n")).toMatch(/^vigil db: /);
  });

  it("rejects a bad test suite name", async () => {
    expect(await main(["test", "--suite", "unit,smoke"])).toBe(2);
    expect(stderr.join("\n")).toContain("unknown suite smoke");
  });
});
