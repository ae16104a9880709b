import { describe, expect, it } from "vitest";
import { searchSnippet, searchTerms, toPrefixTsquery } from "./search-query";

describe("runbook search words", () => {
  it("turns words into quoted prefixes that must all match", () => {
    expect(toPrefixTsquery(searchTerms("Infer queue"))).toBe("'infer':* & 'queue':*");
    expect(toPrefixTsquery(searchTerms("gpu -xid"))).toBe("'gpu':* & !'xid':*");
  });

  it("leaves nothing a user typed to be read as tsquery syntax", () => {
    expect(toPrefixTsquery(searchTerms("a' | b:* & (c) !d <-> 'e"))).toBe("'a':* & 'b':* & 'c':* & 'd':* & 'e':*");
    expect(toPrefixTsquery(searchTerms("trm_fallback_total"))).toBe("'trm':* & 'fallback':* & 'total':*");
  });

  it("has no query for no words or only exclusions", () => {
    expect(toPrefixTsquery(searchTerms("  !! ()"))).toBeUndefined();
    expect(toPrefixTsquery(searchTerms("-gpu"))).toBeUndefined();
  });

  it("keeps at most 12 distinct words", () => {
    expect(searchTerms("a b a c d e f g h i j k l m n o")).toHaveLength(12);
  });
});

describe("search snippets", () => {
  it("marks word starts around the first match, markdown flattened", () => {
    const body = `# Inferno backlog\n\n## Meaning\n${"Some words before. ".repeat(10)}Requests **queue** up; queueing grows.\n`;
    const snippet = searchSnippet(body, searchTerms("queue"));
    expect(snippet.startsWith("… ")).toBe(true);
    expect(snippet).toContain("\u0001queue\u0002 up; \u0001queueing\u0002 grows.");
    expect(snippet).not.toMatch(/[#*]/);
  });

  it("does not mark words inside other words, and starts at the top without matches", () => {
    expect(searchSnippet("The backlog is long", searchTerms("log"))).toBe("The backlog is long");
    expect(searchSnippet("# Title\n\nbody", [])).toBe("Title body");
  });
});
