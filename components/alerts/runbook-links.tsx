export interface RunbookLinksProps {
  alertName: string | undefined;
  annotations: Record<string, string>;
}

/**
 * The alert's runbook_url annotation as it is (a wiki page or a Vigil runbook); the runbooks Vigil
 * links to the alert by name or labels are listed beside it (AlertRunbooks).
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
