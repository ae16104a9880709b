import { diffLines } from "diff";
import type { RunbookContent } from "../validations/runbooks.ts";

export interface DiffLine {
  kind: "same" | "added" | "removed";
  text: string;
  /** Line numbers in the old and new text (absent on the side the line is not in). */
  oldNumber?: number;
  newNumber?: number;
}

/** A line diff of two texts, every line numbered on the side(s) it appears in. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldNumber = 1;
  let newNumber = 1;
  for (const change of diffLines(before, after)) {
    const texts = change.value.replace(/\n$/, "").split("\n");
    for (const text of texts) {
      if (change.added) lines.push({ kind: "added", text, newNumber: newNumber++ });
      else if (change.removed) lines.push({ kind: "removed", text, oldNumber: oldNumber++ });
      else lines.push({ kind: "same", text, oldNumber: oldNumber++, newNumber: newNumber++ });
    }
  }
  return lines;
}

/** How many lines were added and removed. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((line) => line.kind === "added").length,
    removed: lines.filter((line) => line.kind === "removed").length,
  };
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function list(values: readonly string[]): string {
  return values.length ? values.join(", ") : "(none)";
}

/** The fields other than the body that differ between two versions, as text. */
export function fieldChanges(before: RunbookContent, after: RunbookContent): FieldChange[] {
  const fields: Array<[string, string, string]> = [
    ["Title", before.title, after.title],
    ["Team", before.team ?? "(none)", after.team ?? "(none)"],
    ["Tags", list(before.tags), list(after.tags)],
    ["Alert names", list(before.alertNames), list(after.alertNames)],
    ["Label matchers", list(before.labelMatchers), list(after.labelMatchers)],
  ];
  return fields.flatMap(([field, from, to]) => (from === to ? [] : [{ field, before: from, after: to }]));
}

/**
 * Collapses long runs of unchanged lines to `context` lines around each change, so a diff of a
 * long runbook shows what changed. A collapsed run becomes one entry { kind: "skip", count }.
 */
export function withContext(lines: readonly DiffLine[], context = 3): Array<DiffLine | { kind: "skip"; count: number }> {
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    for (let near = Math.max(0, index - context); near <= Math.min(lines.length - 1, index + context); near += 1) keep[near] = true;
  });
  const out: Array<DiffLine | { kind: "skip"; count: number }> = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (keep[index]) {
      if (skipped) out.push({ kind: "skip", count: skipped });
      skipped = 0;
      out.push(line);
    } else skipped += 1;
  });
  if (skipped) out.push({ kind: "skip", count: skipped });
  return out;
}
