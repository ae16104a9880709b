import { describe, expect, it } from "vitest";
import { clusterName } from "./cluster";

describe("clusterName", () => {
  it("is the sorted hosts and paths, whatever the order and trailing slashes", () => {
    expect(clusterName(["http://am-1:9093/", "http://am-0:9093"])).toBe("am-0:9093,am-1:9093");
    expect(clusterName(["http://am-0:9093", "http://am-1:9093"])).toBe(clusterName(["http://am-1:9093", "http://am-0:9093/"]));
  });

  it("keeps a route prefix and drops duplicates", () => {
    expect(clusterName(["https://ops.example/alertmanager/", "https://ops.example/alertmanager"])).toBe("ops.example/alertmanager");
  });
});
