import type { ReactNode } from "react";
import { AppNav } from "@/components/nav/app-nav";
import { DependencyOutage } from "@/components/ui/dependency-outage";
import { requireActor } from "@/lib/auth/current";
import { postgresOutage } from "@/lib/db";

/** Every console page needs a signed-in person; the sign-in and setup pages live outside this group. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  let actor;
  try {
    actor = await requireActor();
  } catch (error) {
    // Not the sign-in redirect (Next's own thrown signal) nor a bug: only an outage gets this page.
    const outage = postgresOutage(error);
    if (!outage) throw error;
    return <DependencyOutage outage={outage} />;
  }
  return (
    <>
      <AppNav actor={{ name: actor.name, role: actor.role, via: actor.via }} />
      <main className="mx-auto max-w-screen-2xl px-4 py-6">{children}</main>
    </>
  );
}
