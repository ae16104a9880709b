import type { Metadata } from "next";
import { SessionsAdmin } from "@/components/admin/sessions-admin";
import { Forbidden } from "@/components/ui/forbidden";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "admin")) return <Forbidden what="see who is signed in" role={actor.role} required="admin" />;
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">Sessions</h1>
      <SessionsAdmin />
    </>
  );
}
