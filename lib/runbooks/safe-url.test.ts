import { describe, expect, it } from "vitest";
import { isExternalHref, safeHref, safeImageSrc } from "./safe-url";

describe("safe URLs in markdown", () => {
  it("keeps http(s), mailto and relative links", () => {
    for (const href of ["https://prometheus.io/docs/", "http://x", "mailto:oncall@example.com", "/dashboards/a?var-x=1", "#diagnosis", "?q=1", "other-runbook"]) {
      expect(safeHref(href)).toBe(href);
    }
  });

  it("drops script, data and unknown schemes however they are disguised", () => {
    for (const href of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "\u0001javascript:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd", "a\\b", ""]) {
      expect(safeHref(href)).toBeUndefined();
    }
  });

  it("loads images only from the console's own paths", () => {
    expect(safeImageSrc("/icon.svg")).toBe("/icon.svg");
    for (const src of ["https://example.com/a.png", "//example.com/a.png", "/\\example.com/a.png", "/%5Cexample.com", "data:image/png;base64,AA", "a.png", "javascript:x"]) {
      expect(safeImageSrc(src)).toBeUndefined();
    }
  });

  it("tells links that leave the console", () => {
    expect(isExternalHref("https://x")).toBe(true);
    expect(isExternalHref("//x")).toBe(true);
    expect(isExternalHref("/runbooks")).toBe(false);
  });
});
