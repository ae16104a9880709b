import { describe, expect, it } from "vitest";
import { withSource } from "./source-url";

describe("withSource", () => {
  it("adds the source to a URL with or without a query string", () => {
    expect(withSource("/api/prometheus/labels", "vm")).toBe("/api/prometheus/labels?source=vm");
    expect(withSource("/api/prometheus/labels?match%5B%5D=up&start=1", "vm")).toBe("/api/prometheus/labels?match%5B%5D=up&start=1&source=vm");
  });

  it("replaces a source already there, and leaves the default source out", () => {
    expect(withSource("/api/prometheus/series?source=a&match%5B%5D=up", "b")).toBe("/api/prometheus/series?match%5B%5D=up&source=b");
    expect(withSource("/api/prometheus/series?source=a", "default")).toBe("/api/prometheus/series");
    expect(withSource("/api/prometheus/series?x=1", undefined)).toBe("/api/prometheus/series?x=1");
  });
});
