import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { requireActor } from "@/lib/auth/current";
import { auditFilterSchema, DEFAULT_AUDIT_LIMIT, filterParams } from "@/lib/validations/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Viewers and up read the whole log; the console layout has already required a signed-in person.
  await requireActor();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
  const parsed = auditFilterSchema.safeParse(raw);
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">Audit log</h1>
      <AuditLog
        filters={parsed.success ? filterParams(parsed.data) : {}}
        pageSize={parsed.success ? parsed.data.limit : DEFAULT_AUDIT_LIMIT}
        invalid={parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join(" ")}
      />
    </>
  );
}
