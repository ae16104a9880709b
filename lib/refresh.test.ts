import { describe, expect, it } from "vitest";
import { DEFAULT_REFRESH, parseRefresh, refreshInterval } from "./refresh";

describe("refresh", () => {
  it("reads known options from the URL", () => {
    expect(parseRefresh("5s")).toBe("5s");
    expect(parseRefresh("off")).toBe("off");
  });
  it("falls back to the default for anything else", () => {
    expect(parseRefresh(null)).toBe(DEFAULT_REFRESH);
    expect(parseRefresh("7s")).toBe(DEFAULT_REFRESH);
  });
  it("maps options to intervals", () => {
    expect(refreshInterval("off")).toBe(false);
    expect(refreshInterval("1m")).toBe(60_000);
  });
});
