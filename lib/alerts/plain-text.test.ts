import { describe, expect, it } from "vitest";
import { markdownPreview } from "./plain-text";

describe("markdownPreview", () => {
  it("drops emphasis, code, links and block markers, keeping the words on one line", () => {
    expect(markdownPreview("**ServiceDown** on `inferno-0`: see [the runbook](https://x/y)")).toBe("ServiceDown on inferno-0: see the runbook");
    expect(markdownPreview("# Title\n- one\n- two")).toBe("Title one two");
  });

  it("leaves plain text and lone symbols alone", () => {
    expect(markdownPreview("p99 > 2 * baseline_latency")).toBe("p99 > 2 * baseline_latency");
  });
});
