import { describe, expect, it } from "vitest";
import { searchTerms, toPrefixTsquery } from "./search-query";

describe("runbook search words", () => {
  it("turns words into quoted prefixes that must all match", () => {
    expect(toPrefixTsquery(searchTerms("Infer queue"))).toBe("'infer':* & 'queue':*");
    expect(toPrefixTsquery(searchTerms("gpu -xid"))).toBe("'gpu':* & !'xid':*");
  });

  it("leaves nothing a user typed to be read as tsquery syntax", () => {
    expect(toPrefixTsquery(searchTerms("a' | b:* & (c) !d <-> 'e"))).toBe("'a':* & 'b':* & 'c':* & 'd':* & 'e':*");
    expect(toPrefixTsquery(searchTerms("trm_fallback_total"))).toBe("'trm_fallback_total':*");
  });

  it("has no query for no words or only exclusions", () => {
    expect(toPrefixTsquery(searchTerms("  !! ()"))).toBeUndefined();
    expect(toPrefixTsquery(searchTerms("-gpu"))).toBeUndefined();
  });

  it("keeps at most 12 distinct words", () => {
    expect(searchTerms("a b a c d e f g h i j k l m n o")).toHaveLength(12);
  });
});
