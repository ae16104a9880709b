import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { passwordLinkStatus } from "@/lib/data/password-links";

// The token is in this page's URL: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer", robots: { index: false } };

/** Where a one-time link from an invitation (or an admin's new link) leads: outside the console, no sign-in needed. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  if (typeof token === "string") {
    const status = await passwordLinkStatus(token);
    if (status.ok) {
      return (
        <AuthCard title="Choose your password">
          <SetPasswordForm token={token} email={status.email} />
        </AuthCard>
      );
    }
    return <LinkRefused reason={status.reason} />;
  }
  return <LinkRefused reason="This address has no token. Open the link from your invitation, whole." />;
}

function LinkRefused({ reason }: { reason: string }) {
  return (
    <AuthCard title="Choose your password">
      <div className="space-y-4">
        <p role="alert" className="rounded border border-critical/40 bg-critical/10 px-3 py-2 text-sm text-rose-200">
          {reason}
        </p>
        <Link href="/sign-in" className="text-sm text-info hover:underline">
          Go to sign-in
        </Link>
      </div>
    </AuthCard>
  );
}
