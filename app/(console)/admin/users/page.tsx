import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { Forbidden } from "@/components/ui/forbidden";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "admin")) return <Forbidden what="manage users" role={actor.role} required="admin" />;
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">Users</h1>
      <UsersAdmin currentUserId={actor.userId} />
    </>
  );
}
