import { describe, expect, it } from "vitest";
import { filterDashboards, tagCounts } from "./list-filter";

const items = [
  { uid: "vllm", title: "vLLM", tags: ["llm", "serving"] },
  { uid: "gpu-fleet", title: "GPU fleet", tags: ["gpu"] },
  { uid: "llm-agents", title: "LLM agents", tags: ["llm"] },
];

describe("filterDashboards", () => {
  it("matches every word against title, uid and tags", () => {
    expect(filterDashboards(items, { q: "llm" }).map((item) => item.uid)).toEqual(["vllm", "llm-agents"]);
    expect(filterDashboards(items, { q: "gpu FLEET" }).map((item) => item.uid)).toEqual(["gpu-fleet"]);
    expect(filterDashboards(items, { q: "serving", tag: "llm" }).map((item) => item.uid)).toEqual(["vllm"]);
    expect(filterDashboards(items, {})).toHaveLength(3);
  });

  it("counts tags", () => {
    expect(tagCounts(items)).toEqual([
      { tag: "llm", count: 2 },
      { tag: "gpu", count: 1 },
      { tag: "serving", count: 1 },
    ]);
  });
});
