import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args.ts";

describe("parseCliArgs", () => {
  it("defaults to port 9464 on loopback with a random seed and the normal schedule", () => {
    expect(parseCliArgs([])).toEqual({ kind: "run", port: 9464, host: "127.0.0.1", seed: undefined, fast: false, schedule: true });
  });

  it("reads port, seed, host and flags", () => {
    expect(parseCliArgs(["--port", "0", "--seed", "42", "--fast", "--host", "0.0.0.0", "--no-schedule"])).toEqual({
      kind: "run",
      port: 0,
      host: "0.0.0.0",
      seed: 42,
      fast: true,
      schedule: false,
    });
    expect(parseCliArgs(["--port=9999"])).toMatchObject({ kind: "run", port: 9999 });
  });

  it("asks for help", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-h"])).toEqual({ kind: "help" });
  });

  it("rejects bad values and unknown options with a message", () => {
    expect(parseCliArgs(["--port", "70000"])).toMatchObject({ kind: "error", message: expect.stringContaining("--port") });
    expect(parseCliArgs(["--port", "abc"])).toMatchObject({ kind: "error" });
    expect(parseCliArgs(["--seed", "-1"])).toMatchObject({ kind: "error" });
    expect(parseCliArgs(["--seed", "x"])).toMatchObject({ kind: "error", message: expect.stringContaining("--seed") });
    expect(parseCliArgs(["--colour"])).toMatchObject({ kind: "error" });
    expect(parseCliArgs(["extra"])).toMatchObject({ kind: "error" });
  });
});
