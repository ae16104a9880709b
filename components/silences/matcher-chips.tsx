import { formatMatcher } from "@/lib/alertmanager/matchers";
import type { LabelSet, Matcher } from "@/lib/alertmanager/types";

/** A silence's matchers as Alertmanager prints them, one chip each. */
export function MatcherChips({ matchers }: { matchers: readonly Matcher[] }) {
  return (
    <ul aria-label="Matchers" className="flex flex-wrap gap-1">
      {matchers.map((matcher) => (
        <li key={formatMatcher(matcher)} className="rounded bg-surface px-1.5 py-0.5 font-mono text-xs text-slate-200">
          {formatMatcher(matcher)}
        </li>
      ))}
    </ul>
  );
}

/** An alert's labels, alertname first. */
export function LabelChips({ labels }: { labels: LabelSet }) {
  const names = Object.keys(labels).sort((a, b) => (a === "alertname" ? -1 : b === "alertname" ? 1 : a.localeCompare(b)));
  return (
    <span className="flex flex-wrap gap-1">
      {names.map((name) => (
        <span key={name} className={`rounded px-1.5 py-0.5 font-mono text-xs ${name === "alertname" ? "bg-info/15 text-sky-200" : "bg-surface text-slate-300"}`}>
          {name}={labels[name]}
        </span>
      ))}
    </span>
  );
}
