import { DEFAULT_SOURCE_NAME } from "@/lib/validations/prometheus";
import type { JsonObject } from "./detect";
import { readObject, readObjects, readString } from "./read";

/*
 * Grafana's panel and query `datasource` (a name, a uid, `{type, uid}`, or a `${DS}` reference)
 * mapped to one of Vigil's configured Prometheus-API sources: a datasource variable stays a
 * reference (it now selects among the configured sources); a name or uid that matches a
 * configured source's name becomes that source; anything else queries the default source,
 * and the import report says which references went where.
 */

const BUILT_IN = new Set(["-- Grafana --", "grafana", "-- Mixed --", "-- Dashboard --", "default"]);

/** A Grafana name or uid written as our source names are: "VictoriaMetrics EU" → "victoriametrics-eu". */
export function sourceNameFor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 63);
}

function referenceName(text: string): string | undefined {
  return /^\$\{([A-Za-z0-9_]+)(?::[a-z]+)?\}$/.exec(text)?.[1] ?? /^\$([A-Za-z0-9_]+)$/.exec(text)?.[1] ?? /^\[\[([A-Za-z0-9_]+)\]\]$/.exec(text)?.[1];
}

export class SourceMapper {
  /** Grafana reference → where it went: a source name, or undefined for the default source. */
  private readonly seen = new Map<string, string | undefined>();

  constructor(
    /** Names of the configured sources; the default source alone when not told. */
    private readonly configured: readonly string[],
    /** Names of the datasource variables the import keeps. */
    private readonly variables: ReadonlySet<string>,
  ) {}

  /** Our reference for one Grafana `datasource` value; undefined when it means the default source (or names none). */
  map(value: unknown): string | undefined {
    const object = readObject(value);
    const text = object ? readString(object.uid) : readString(value);
    if (text === undefined || text.trim() === "" || BUILT_IN.has(text)) return undefined;
    const variable = referenceName(text);
    if (variable !== undefined) {
      // An `__inputs` placeholder (${DS_PROMETHEUS}) is whatever source the importer picks: here, the default.
      if (this.variables.has(variable)) return `\${${variable}}`;
      this.seen.set(text, undefined);
      return undefined;
    }
    const name = sourceNameFor(text);
    const found = name !== DEFAULT_SOURCE_NAME && this.configured.includes(name) ? name : undefined;
    this.seen.set(text, found);
    return found;
  }

  /** The configured source a Grafana name or uid stands for, if any (a datasource variable's saved choice). */
  configuredName(text: string): string | undefined {
    const name = sourceNameFor(text);
    return this.configured.includes(name) ? name : undefined;
  }

  /** A panel's source: its own, else the one all its queries agree on; mixed panels keep the first and say so. */
  panel(panel: JsonObject, answersPromql: (datasource: unknown) => boolean): { datasource: string | undefined; note?: string } {
    const own = answersPromql(panel.datasource) ? this.map(panel.datasource) : undefined;
    const perQuery = readObjects(panel.targets)
      .filter((target) => target.datasource === undefined || answersPromql(target.datasource))
      .map((target) => (target.datasource === undefined ? own : this.map(target.datasource)));
    const distinct = [...new Set(perQuery)];
    if (distinct.length <= 1) return { datasource: distinct.length === 1 ? distinct[0] : own };
    const first = distinct[0];
    return { datasource: first, note: `its queries name different sources; all run against ${first ?? "the default source"}` };
  }

  /** The report's lines: which Grafana data sources map to which source. */
  notes(): string[] {
    const matched = [...this.seen].filter((entry): entry is [string, string] => entry[1] !== undefined);
    const unmatched = [...this.seen].filter(([, name]) => name === undefined).map(([text]) => `"${text}"`);
    const lines: string[] = [];
    if (matched.length) lines.push(`Data sources matched to configured sources: ${matched.map(([text, name]) => `"${text}" → ${name}`).join(", ")}.`);
    if (unmatched.length) {
      lines.push(`Data source${unmatched.length > 1 ? "s" : ""} ${unmatched.join(", ")} match${unmatched.length > 1 ? "" : "es"} no configured source (${this.configured.join(", ")}); ${unmatched.length > 1 ? "their" : "its"} panels query the default source.`);
    }
    return lines;
  }
}
