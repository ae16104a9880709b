import { describe, expect, it } from "vitest";
import { diffStats, fieldChanges, lineDiff, withContext } from "./diff";

const base = { title: "A", body: "one\ntwo\nthree\n", tags: ["x"], team: null, alertNames: [], labelMatchers: [] };

describe("runbook diffs", () => {
  it("numbers lines on their side", () => {
    const lines = lineDiff("one\ntwo\nthree\n", "one\n2\nthree\nfour\n");
    expect(lines).toEqual([
      { kind: "same", text: "one", oldNumber: 1, newNumber: 1 },
      { kind: "removed", text: "two", oldNumber: 2 },
      { kind: "added", text: "2", newNumber: 2 },
      { kind: "same", text: "three", oldNumber: 3, newNumber: 3 },
      { kind: "added", text: "four", newNumber: 4 },
    ]);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 1 });
  });

  it("collapses unchanged runs away from changes", () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index}`).join("\n");
    const after = before.replace("line 10", "changed");
    const shown = withContext(lineDiff(before, after), 2);
    expect(shown[0]).toEqual({ kind: "skip", count: 8 });
    expect(shown.at(-1)).toEqual({ kind: "skip", count: 7 });
    expect(shown.filter((line) => line.kind !== "skip")).toHaveLength(6);
  });

  it("lists changed fields other than the body", () => {
    expect(fieldChanges(base, { ...base, title: "B", team: "sre", tags: [] })).toEqual([
      { field: "Title", before: "A", after: "B" },
      { field: "Team", before: "(none)", after: "sre" },
      { field: "Tags", before: "x", after: "(none)" },
    ]);
    expect(fieldChanges(base, base)).toEqual([]);
  });
});
