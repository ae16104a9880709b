import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_DOCS } from "./env";

describe("README configuration table", () => {
  it("documents every setting lib/env.ts reads", () => {
    const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
    const documented = new Set([...readme.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]));
    expect(Object.keys(ENV_DOCS).filter((name) => !documented.has(name))).toEqual([]);
  });
});
