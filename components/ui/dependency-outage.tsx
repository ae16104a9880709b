import type { UpstreamError } from "@/lib/errors";

export interface DependencyOutageProps {
  outage: UpstreamError;
}

/**
 * The whole page when Vigil cannot reach what it needs to serve it at all (Postgres holds the
 * sessions): what is down, in the words of the error, and a way to try again. Rendered on the
 * server, so the message survives production builds, which hide thrown errors' messages.
 */
export function DependencyOutage({ outage }: DependencyOutageProps) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-24 text-center">
      <h1 className="text-xl font-semibold text-white">Vigil cannot reach its database</h1>
      <p className="mt-2 text-slate-300">{outage.message}.</p>
      <p className="mt-2 text-sm text-slate-400">
        Sessions, runbooks and acknowledgements live there. Nothing you saved is lost; this page works again as soon as Postgres
        answers.
      </p>
      {/* A plain link reloads the page from the server, which checks again. */}
      <a href="" className="mt-6 inline-block rounded bg-edge px-3 py-1.5 text-sm text-white hover:bg-slate-700">
        Try again
      </a>
    </div>
  );
}
