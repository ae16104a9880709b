import { fieldChanges, lineDiff, withContext } from "@/lib/runbooks/diff";
import type { RunbookContent } from "@/lib/validations/runbooks";

export interface RunbookDiffProps {
  before: RunbookContent;
  after: RunbookContent;
  beforeLabel: string;
  afterLabel: string;
}

const LINE_CLASS = {
  same: "text-slate-400",
  added: "bg-emerald-500/10 text-emerald-200",
  removed: "bg-rose-500/10 text-rose-200",
} as const;

const SIGN = { same: " ", added: "+", removed: "-" } as const;

/** What changed between two versions of a runbook: its fields, then its body line by line. */
export function RunbookDiff({ before, after, beforeLabel, afterLabel }: RunbookDiffProps) {
  const fields = fieldChanges(before, after);
  const lines = lineDiff(before.body, after.body);
  const changed = lines.some((line) => line.kind !== "same");
  return (
    <div className="space-y-3" aria-label={`Changes from ${beforeLabel} to ${afterLabel}`} role="region">
      {fields.length ? (
        <table className="w-full text-sm">
          <caption className="sr-only">Changed fields</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1 pr-3 font-normal">Field</th>
              <th className="py-1 pr-3 font-normal">{beforeLabel}</th>
              <th className="py-1 font-normal">{afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((change) => (
              <tr key={change.field} className="align-top">
                <td className="py-1 pr-3 text-slate-400">{change.field}</td>
                <td className="py-1 pr-3 text-rose-200">{change.before}</td>
                <td className="py-1 text-emerald-200">{change.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {changed ? (
        <pre aria-label="Body changes" className="overflow-x-auto rounded border border-edge bg-slate-950/60 py-2 text-xs leading-5">
          {withContext(lines).map((line, index) =>
            line.kind === "skip" ? (
              <div key={index} className="px-3 text-slate-600">
                ⋯ {line.count} unchanged line{line.count === 1 ? "" : "s"}
              </div>
            ) : (
              <div key={index} className={`px-3 ${LINE_CLASS[line.kind]}`} data-diff={line.kind}>
                <span className="mr-2 inline-block w-8 select-none text-right text-slate-600">{line.newNumber ?? line.oldNumber}</span>
                <span className="select-none">{SIGN[line.kind]} </span>
                {line.text}
              </div>
            ),
          )}
        </pre>
      ) : (
        <p className="text-sm text-slate-400">The body is the same in both.</p>
      )}
    </div>
  );
}
