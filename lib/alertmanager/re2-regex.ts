/*
 * Go's RE2 syntax, as Alertmanager compiles matcher regexes, rewritten for JavaScript's RegExp
 * (Node 20: no inline modifiers). Found necessary by lib/silences/silence-conformance.int.test.ts:
 *  - inline flags anywhere, `(?i)x` and `(?i:x)`, become case-expanded text (`[xX]`); `(?s)` and `(?m)`
 *    change `.`, `^` and `$`;
 *  - `.` excludes only "\n" (JavaScript also excludes "\r", U+2028 and U+2029);
 *  - `\s` is ASCII white space only; `\z`, `\A`, `\Q...\E`, `[[:alpha:]]`, `(?P<name>...)` are read.
 * Refused, as RE2 refuses them: lookaround and backreferences. Refused because JavaScript without
 * the u flag cannot express them: `\p{...}` classes and `(?U)`.
 */

export type TranslateResult = { ok: true; source: string } | { ok: false; error: string };

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

const SYNTAX = new Set([..."\\^$.|?*+()[]{}/-"]);

function escapeLiteral(char: string): string {
  return SYNTAX.has(char) ? `\\${char}` : char;
}

/** A literal character, case-expanded under (?i). */
function literal(char: string, flags: Flags): string {
  if (flags.i) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
  }
  return escapeLiteral(char);
}

function applyFlags(current: Flags, spec: string): Flags | string {
  const next = { ...current };
  let on = true;
  for (const flag of spec) {
    if (flag === "-") {
      on = false;
    } else if (flag === "i" || flag === "s" || flag === "m") {
      next[flag] = on;
    } else if (flag === "U") {
      return "the ungreedy flag (?U) is not supported here";
    } else {
      return `unknown flag "${flag}"`;
    }
  }
  return next;
}

/** Reads a character class starting at `start` (the "["); returns it rewritten and the index after "]". */
function readClass(pattern: string, start: number, flags: Flags): { text: string; end: number } | string {
  let index = start + 1;
  let out = "[";
  if (pattern[index] === "^") {
    out += "^";
    index += 1;
  }
  let first = true;
  const items: string[] = [];
  while (index < pattern.length) {
    const char = pattern[index] ?? "";
    if (char === "]" && !first) {
      if (flags.i) {
        // Add the other case of every letter and letter range in the class.
        for (const item of items) {
          const range = /^([a-zA-Z])-([a-zA-Z])$/.exec(item);
          if (range?.[1] && range[2]) {
            const [, from, to] = range;
            const swap = (letter: string) => (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase());
            out += `${swap(from)}-${swap(to)}`;
          } else if (/^[a-zA-Z]$/.test(item)) {
            out += item === item.toLowerCase() ? item.toUpperCase() : item.toLowerCase();
          }
        }
      }
      return { text: `${out}]`, end: index + 1 };
    }
    first = false;
    if (char === "[" && pattern[index + 1] === ":") {
      const close = pattern.indexOf(":]", index + 2);
      if (close === -1) return "missing closing :] of a POSIX class";
      let name = pattern.slice(index + 2, close);
      const negated = name.startsWith("^");
      if (negated) name = name.slice(1);
      const expansion = POSIX_CLASSES[name];
      if (expansion === undefined) return `unknown POSIX class [:${name}:]`;
      if (negated) return "negated POSIX classes [:^name:] are not supported here";
      out += expansion;
      index = close + 2;
      continue;
    }
    if (char === "\\") {
      const next = pattern[index + 1];
      if (next === undefined) return "trailing backslash";
      if (next === "p" || next === "P") return "Unicode classes \\p{...} are not supported here";
      out += /[a-zA-Z0-9]/.test(next) ? `\\${next}` : escapeLiteral(next);
      index += 2;
      continue;
    }
    // A range a-z: keep its ends together so (?i) can add the other case.
    if (pattern[index + 1] === "-" && pattern[index + 2] !== undefined && pattern[index + 2] !== "]") {
      const to = pattern[index + 2] ?? "";
      if (to !== "\\" && to !== "[") {
        items.push(`${char}-${to}`);
        out += `${escapeLiteral(char)}-${escapeLiteral(to)}`;
        index += 3;
        continue;
      }
    }
    items.push(char);
    out += char === "[" ? "\\[" : escapeLiteral(char);
    index += 1;
  }
  return "missing closing ]";
}

/** Rewrites an RE2 pattern into an equivalent JavaScript RegExp source (without anchoring). */
export function translateRe2(pattern: string): TranslateResult {
  const stack: Flags[] = [{ i: false, s: false, m: false }];
  const flags = () => stack[stack.length - 1] ?? { i: false, s: false, m: false };
  let out = "";
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] ?? "";
    if (char === "\\") {
      const next = pattern[index + 1];
      if (next === undefined) return { ok: false, error: "trailing backslash" };
      index += 2;
      if (/[1-9]/.test(next)) return { ok: false, error: "backreferences are not supported by Alertmanager (RE2)" };
      if (next === "Q") {
        const end = pattern.indexOf("\\E", index);
        const text = end === -1 ? pattern.slice(index) : pattern.slice(index, end);
        for (const letter of text) out += literal(letter, flags());
        index = end === -1 ? pattern.length : end + 2;
      } else if (next === "z") out += "(?![\\s\\S])";
      else if (next === "A") out += "(?<![\\s\\S])";
      else if (next === "s") out += "[\\t\\n\\f\\r ]";
      else if (next === "S") out += "[^\\t\\n\\f\\r ]";
      else if (next === "p" || next === "P") return { ok: false, error: "Unicode classes \\p{...} are not supported here" };
      else if (/[a-zA-Z0-9]/.test(next)) out += `\\${next}`;
      else out += literal(next, flags());
      continue;
    }
    if (char === "[") {
      const read = readClass(pattern, index, flags());
      if (typeof read === "string") return { ok: false, error: read };
      out += read.text;
      index = read.end;
      continue;
    }
    if (char === "(") {
      if (pattern[index + 1] !== "?") {
        stack.push({ ...flags() });
        out += "(";
        index += 1;
        continue;
      }
      const rest = pattern.slice(index + 2);
      if (/^(=|!|<=|<!)/.test(rest)) return { ok: false, error: "lookaround is not supported by Alertmanager (RE2)" };
      const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        stack.push({ ...flags() });
        out += `(?<${named[1]}>`;
        index += 2 + named[0].length;
        continue;
      }
      const flagGroup = /^([a-zA-Z-]*)(:|\))/.exec(rest);
      if (!flagGroup) return { ok: false, error: `unsupported group syntax "(?${rest.slice(0, 3)}"` };
      const [whole, spec = "", kind] = flagGroup;
      const next = applyFlags(flags(), spec);
      if (typeof next === "string") return { ok: false, error: next };
      index += 2 + whole.length;
      if (kind === ")") {
        // (?i) applies from here to the end of the enclosing group.
        stack[stack.length - 1] = next;
      } else {
        stack.push(next);
        out += "(?:";
      }
      continue;
    }
    if (char === ")") {
      if (stack.length === 1) return { ok: false, error: "unexpected )" };
      stack.pop();
      out += ")";
      index += 1;
      continue;
    }
    if (char === ".") out += flags().s ? "[\\s\\S]" : "[^\\n]";
    else if (char === "^") out += flags().m ? "(?<![^\\n])" : "^";
    else if (char === "$") out += flags().m ? "(?![^\\n])" : "$";
    else if ("|*+?{}".includes(char)) out += char;
    else out += literal(char, flags());
    index += 1;
  }
  if (stack.length !== 1) return { ok: false, error: "missing closing )" };
  return { ok: true, source: out };
}
