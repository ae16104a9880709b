import { describe, expect, it } from "vitest";
import { framesToCsv } from "./csv";
import type { Frame } from "./series";

const frames: Frame[] = [
  { refId: "A", name: "a,b", labels: { job: "x" }, points: [[0, 1], [1000, Number.NaN]], settings: {} },
  { refId: "A", name: 'say "hi"', labels: { job: "y", pod: "p" }, points: [[1000, Number.POSITIVE_INFINITY]], settings: {} },
];

describe("framesToCsv", () => {
  it("writes one column per series and one row per time, quoting where needed", () => {
    expect(framesToCsv(frames, "wide")).toBe(
      ['time,"a,b","say ""hi"""', "1970-01-01T00:00:00.000Z,1,", "1970-01-01T00:00:01.000Z,,+Inf", ""].join("\n"),
    );
  });

  it("writes one row per sample with the labels as columns", () => {
    expect(framesToCsv(frames, "series")).toBe(
      [
        "series,time,job,pod,value",
        '"a,b",1970-01-01T00:00:00.000Z,x,,1',
        '"a,b",1970-01-01T00:00:01.000Z,x,,',
        '"say ""hi""",1970-01-01T00:00:01.000Z,y,p,+Inf',
        "",
      ].join("\n"),
    );
  });
});
