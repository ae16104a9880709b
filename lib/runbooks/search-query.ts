/** One word of a search: `-word` excludes it. */
export interface SearchTerm {
  word: string;
  exclude: boolean;
}

const MAX_TERMS = 12;

/** The words of a search box, lower-cased; punctuation separates words (`trm_fallback_total` stays one). */
export function searchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const found of text.toLowerCase().matchAll(/(-?)([\p{L}\p{N}_]+)/gu)) {
    const word = found[2] ?? "";
    if (word && !terms.some((term) => term.word === word)) terms.push({ word, exclude: found[1] === "-" });
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/**
 * A to_tsquery expression where every word is a prefix and all must match: `'infer':* & 'queue':*`.
 * Words are quoted, so nothing typed can be read as tsquery syntax. Undefined when no word is
 * left, or only exclusions (which alone would match nearly everything).
 */
export function toPrefixTsquery(terms: readonly SearchTerm[]): string | undefined {
  if (!terms.some((term) => !term.exclude)) return undefined;
  return terms.map((term) => `${term.exclude ? "!" : ""}'${term.word}':*`).join(" & ");
}
