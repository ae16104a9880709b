export interface RunbookLinksProps {
  alertName: string | undefined;
  annotations: Record<string, string>;
}

/**
 * The alert's runbooks. Today: the runbook_url annotation. Runbooks linked to the alert name in
 * Vigil's own runbook store are added here by the runbooks feature (it receives `alertName`).
 */
export function RunbookLinks({ annotations }: RunbookLinksProps) {
  const url = annotations.runbook_url ?? annotations.runbook;
  let safe: string | undefined;
  if (url) {
    try {
      const parsed = new URL(url, "http://relative.invalid");
      if (parsed.protocol === "http:" || parsed.protocol === "https:") safe = url;
    } catch {
      safe = undefined;
    }
  }
  return (
    <section aria-label="Runbooks">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">Runbook</h3>
      {safe ? (
        <a href={safe} target="_blank" rel="noreferrer" className="break-all text-sm text-sky-300 hover:underline">
          {safe}
        </a>
      ) : (
        <p className="text-sm text-slate-500">{url ? `The runbook_url annotation is not a web link: ${url}` : "No runbook_url annotation on this alert."}</p>
      )}
    </section>
  );
}
