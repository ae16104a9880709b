import { describe, expect, it } from "vitest";
import { Window, parseExposition } from "./test-support.ts";

const before = parseExposition(`# TYPE x histogram
x_bucket{le="100",route="/chat"} 10
x_bucket{le="200",route="/chat"} 10
x_bucket{le="+Inf",route="/chat"} 10
x_sum{route="/chat"} 500
x_count{route="/chat"} 10
y_total{status="500"} 1
y_total{status="200"} 9
`);
const after = parseExposition(`x_bucket{le="100",route="/chat"} 60
x_bucket{le="200",route="/chat"} 100
x_bucket{le="+Inf",route="/chat"} 110
x_sum{route="/chat"} 15500
x_count{route="/chat"} 110
y_total{status="500"} 11
y_total{status="200"} 99
`);

describe("test-support Window", () => {
  const window = new Window(before, after, 10);

  it("computes rates and ratios like sum(rate())", () => {
    expect(window.rate("y_total")).toBe(10);
    expect(window.rate("y_total", { status: /^5..$/ }) / window.rate("y_total")).toBeCloseTo(0.1, 10);
    expect(window.mean("x")).toBe(150);
  });

  it("interpolates histogram_quantile within the bucket, as Prometheus does", () => {
    // 100 new observations: 50 <= 100, 40 in (100, 200], 10 above 200.
    expect(window.quantile(0.5, "x")).toBe(100);
    expect(window.quantile(0.7, "x")).toBe(150);
    // The rank falls in +Inf: Prometheus answers the highest finite bound.
    expect(window.quantile(0.95, "x")).toBe(200);
    expect(window.quantile(0.5, "x", { route: "/embed" })).toBeNaN();
  });
});
