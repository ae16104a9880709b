import type { ReactNode } from "react";
import { AppNav } from "@/components/nav/app-nav";
import { requireActor } from "@/lib/auth/current";

/** Every console page needs a signed-in person; the sign-in and setup pages live outside this group. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <AppNav actor={{ name: actor.name, role: actor.role, via: actor.via }} />
      <main className="mx-auto max-w-screen-2xl px-4 py-6">{children}</main>
    </>
  );
}
