import { Link } from "@/components/ui/link";
import { Panel } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import type { RunbookView } from "@/lib/validations/runbooks";
import { LinkedAlerts } from "./linked-alerts";
import { RunbookMarkdown } from "./runbook-markdown";

export interface RunbookDetailProps {
  runbook: RunbookView;
  canEdit: boolean;
  /** The labels of the alert the runbook was opened from, if any. */
  variables: Record<string, string>;
  /** The query string that carries the alert context, kept on links to the edit page. */
  contextQuery: string;
}

/** One runbook: the live body, what links it to alerts, and the alerts firing for it now. */
export function RunbookDetail({ runbook, canEdit, variables, contextQuery }: RunbookDetailProps) {
  const variableNames = Object.keys(variables);
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <article aria-label={runbook.title} className="min-w-0 rounded-lg border border-edge bg-panel p-5">
        <header className="mb-3 flex flex-wrap items-start justify-between gap-3 border-b border-edge pb-3">
          <div>
            <p className="text-xs text-slate-500">
              <Link href="/runbooks" className="hover:text-slate-300">
                Runbooks
              </Link>{" "}
              / {runbook.slug}
            </p>
            <h1 className="text-xl font-semibold text-white">{runbook.title}</h1>
            <p className="text-xs text-slate-400">
              Version {runbook.version} · updated <Time iso={runbook.updatedAt} />
              {runbook.updatedBy ? ` by ${runbook.updatedBy}` : ""}
            </p>
          </div>
          <nav aria-label="Runbook actions" className="flex gap-2">
            <Link href={`/runbooks/${runbook.slug}/history`} className="rounded border border-edge px-3 py-1.5 text-sm text-slate-200 hover:text-white">
              History
            </Link>
            {canEdit ? (
              <Link href={`/runbooks/${runbook.slug}/edit${contextQuery}`} className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info">
                Edit
              </Link>
            ) : null}
          </nav>
        </header>
        {variableNames.length ? (
          <p className="mb-3 rounded border border-info/30 bg-info/10 px-3 py-2 text-xs text-sky-100">
            Opened from an alert: live queries and dashboard links use its labels ({variableNames.map((name) => `${name}=${variables[name]}`).join(", ")}).{" "}
            <Link href={`/runbooks/${runbook.slug}`} className="underline">
              Without the alert
            </Link>
          </p>
        ) : null}
        <RunbookMarkdown body={runbook.body} variables={variables} />
      </article>
      <aside className="space-y-4">
        <LinkedAlerts slug={runbook.slug} />
        <Panel title="Linked to">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Alert names</dt>
              <dd className="font-mono text-xs text-slate-200">{runbook.alertNames.length ? runbook.alertNames.join(", ") : "none"}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Label matchers</dt>
              <dd className="font-mono text-xs text-slate-200">{runbook.labelMatchers.length ? runbook.labelMatchers.map((set) => <div key={set}>{set}</div>) : "none"}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Team</dt>
              <dd className="text-slate-200">{runbook.team ?? "none"}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Tags</dt>
              <dd className="flex flex-wrap gap-1">
                {runbook.tags.length
                  ? runbook.tags.map((tag) => (
                      <Link key={tag} href={`/runbooks?tag=${encodeURIComponent(tag)}`} className="rounded bg-edge px-1.5 py-0.5 text-xs text-slate-300 hover:text-white">
                        {tag}
                      </Link>
                    ))
                  : "none"}
              </dd>
            </div>
          </dl>
        </Panel>
      </aside>
    </div>
  );
}
