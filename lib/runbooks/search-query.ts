/** One word of a search: `-word` excludes it. */
export interface SearchTerm {
  word: string;
  exclude: boolean;
}

const MAX_TERMS = 12;

/**
 * The words of a search box, lower-cased; punctuation and underscores separate words, so
 * `trm_fallback_total` is three words that must all appear (the body's search vector has no
 * positions for a phrase match).
 */
export function searchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const found of text.toLowerCase().matchAll(/(-?)([\p{L}\p{N}]+)/gu)) {
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

const SNIPPET_CHARS = 180;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A fragment of `body` around the first place a search word starts a word, each word-start
 * marked between \u0001 and \u0002 (as the page expects), markdown symbols flattened; the start
 * of the body when no word is found. Done here rather than with ts_headline, which parses every
 * result's whole body and dominated search time.
 */
export function searchSnippet(body: string, terms: readonly SearchTerm[]): string {
  const words = terms.filter((term) => !term.exclude).map((term) => escapeRegExp(term.word));
  const text = body.replace(/```[a-z]*\n?/g, " ").replace(/[#*`>|]+/g, " ").replace(/\s+/g, " ").trim();
  if (words.length === 0) return text.slice(0, SNIPPET_CHARS);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})[\\p{L}\\p{N}_]*`, "giu");
  const first = pattern.exec(text);
  pattern.lastIndex = 0;
  const start = first ? Math.max(0, first.index - 60) : 0;
  // Start and end on word boundaries so the fragment reads cleanly.
  const from = start === 0 ? 0 : text.indexOf(" ", start) + 1;
  const slice = text.slice(from, from + SNIPPET_CHARS);
  const end = from + SNIPPET_CHARS < text.length ? slice.lastIndexOf(" ") : slice.length;
  const fragment = slice.slice(0, end > 0 ? end : slice.length);
  return `${from > 0 ? "… " : ""}${fragment.replace(pattern, (match) => `\u0001${match}\u0002`)}${from + fragment.length < text.length ? " …" : ""}`;
}
