import { Link } from "@/components/ui/link";
import { ROLE_DESCRIPTIONS, type Role } from "@/lib/auth/roles";

export interface ForbiddenProps {
  /** What the page is, in the reader's words: "manage users". */
  what: string;
  role: Role;
  required: Role;
}

/** What a page shows to someone whose role is too low: which role it needs and who to ask. */
export function Forbidden({ what, role, required }: ForbiddenProps) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-24 text-center">
      <p className="font-mono text-sm text-slate-500">403</p>
      <h1 className="mt-1 text-xl font-semibold text-white">You cannot {what}</h1>
      <p className="mt-2 text-slate-400">
        Your role is <strong className="text-slate-200">{role}</strong>. This page needs <strong className="text-slate-200">{required}</strong>: a{" "}
        {required} {ROLE_DESCRIPTIONS[required]}. Ask an admin if you need it.
      </p>
      <Link href="/" className="mt-6 inline-block rounded bg-edge px-3 py-1.5 text-sm text-white hover:bg-slate-700">
        Back to the overview
      </Link>
    </div>
  );
}
