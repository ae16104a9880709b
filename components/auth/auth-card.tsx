import type { ReactNode } from "react";

export interface AuthCardProps {
  title: string;
  children: ReactNode;
}

/** The centred card the sign-in and setup pages share. */
export function AuthCard({ title, children }: AuthCardProps) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-edge bg-panel p-6">
        <p className="mb-1 flex items-center gap-2 text-sm font-semibold text-white">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-ok" />
          Vigil
        </p>
        <h1 className="mb-5 text-lg font-semibold text-white">{title}</h1>
        {children}
      </div>
    </main>
  );
}
