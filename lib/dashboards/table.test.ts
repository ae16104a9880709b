import { describe, expect, it } from "vitest";
import type { Frame } from "./series";
import { framesToTable, sortTableRows } from "./table";

const frame = (labels: Record<string, string>, points: Array<[number, number]>): Frame => ({ refId: "A", name: "x", labels, points, settings: {} });

describe("framesToTable", () => {
  it("shows the labels that vary and each series' value", () => {
    const model = framesToTable(
      [
        frame({ __name__: "up", job: "a", instance: "1" }, [[0, 1]]),
        frame({ __name__: "up", job: "a", instance: "2" }, [[0, 0]]),
      ],
      "lastNotNull",
    );
    expect(model.labelColumns).toEqual(["instance"]);
    expect(model.rows.map((row) => row.value)).toEqual([1, 0]);
  });

  it("reduces range series", () => {
    const model = framesToTable([frame({ job: "a" }, [[0, 1], [1, 5]])], "max");
    expect(model.rows[0]?.value).toBe(5);
    expect(model.labelColumns).toEqual(["job"]);
  });
});

describe("sortTableRows", () => {
  const rows = [
    { key: "a", frameIndex: 0, labels: { pod: "pod-10" }, value: 3 },
    { key: "b", frameIndex: 1, labels: { pod: "pod-9" }, value: null },
    { key: "c", frameIndex: 2, labels: { pod: "pod-2" }, value: 7 },
  ];
  it("sorts values with missing ones last, and labels naturally", () => {
    expect(sortTableRows(rows, "Value", true).map((row) => row.key)).toEqual(["c", "a", "b"]);
    expect(sortTableRows(rows, "Value", false).map((row) => row.key)).toEqual(["a", "c", "b"]);
    expect(sortTableRows(rows, "pod", false).map((row) => row.key)).toEqual(["c", "b", "a"]);
  });
});
