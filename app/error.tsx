"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-24 text-center">
      <h1 className="text-xl font-semibold text-white">This page failed to render</h1>
      <p className="mt-2 text-slate-400">{error.message || "An unexpected error occurred."}</p>
      {error.digest ? <p className="mt-1 font-mono text-xs text-slate-500">Reference {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-edge px-3 py-1.5 text-sm text-white hover:bg-slate-700"
      >
        Try again
      </button>
    </div>
  );
}
