import { describe, expect, it } from "vitest";
import { xidEvents, xidMeaning } from "./xid";

describe("xidEvents", () => {
  it("turns the last-XID gauge into one event per change, clears included", () => {
    const events = xidEvents([
      {
        labels: { __name__: "DCGM_FI_DEV_XID_ERRORS", Hostname: "gpu-node-3", gpu: "0" },
        points: [[1000, 0], [2000, 0], [3000, 48], [4000, 48], [5000, 48], [6000, 0], [7000, 79]],
      },
      { labels: { hostname: "gpu-node-1", gpu: "2" }, points: [[1000, 13], [2000, 13]] },
      { labels: { Hostname: "gpu-node-2", gpu: "1" }, points: [[1000, 0], [2000, 0]] },
    ]);
    expect(events.map((event) => [event.at, event.key, event.code, event.previous])).toEqual([
      [7000, "gpu-node-3/0", 79, 0],
      [6000, "gpu-node-3/0", 0, 48],
      [3000, "gpu-node-3/0", 48, 0],
      [1000, "gpu-node-1/2", 13, null],
    ]);
  });

  it("names common codes", () => {
    expect(xidMeaning(48)).toBe("Double-bit ECC error");
    expect(xidMeaning(0)).toMatch(/Cleared/);
    expect(xidMeaning(9999)).toMatch(/catalog/);
  });
});
