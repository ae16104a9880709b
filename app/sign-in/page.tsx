import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { FormMessage } from "@/components/auth/form-fields";
import { DependencyOutage } from "@/components/ui/dependency-outage";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/auth/current";
import { oidcSettings } from "@/lib/auth/oidc";
import { isOidcErrorCode, oidcErrorMessage } from "@/lib/auth/oidc-errors";
import { OIDC_NOTICE_COOKIE, openNotice } from "@/lib/auth/oidc-state";
import { needsSetup } from "@/lib/auth/sign-in";
import { postgresOutage } from "@/lib/db";
import { nextPath } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Sign in" };

/**
 * Why the last single sign-on failed: the callback's own words when its sealed notice cookie
 * is there and matches the code in the URL, else the standard message for the code.
 */
async function signInError(code: string | undefined, provider: string, secret: string | undefined): Promise<string | undefined> {
  if (code === undefined) return undefined;
  if (!isOidcErrorCode(code)) return oidcErrorMessage("failed", provider);
  if (secret) {
    const notice = await openNotice((await cookies()).get(OIDC_NOTICE_COOKIE)?.value, secret);
    if (notice.ok && notice.value.code === code) return notice.value.message;
  }
  return oidcErrorMessage(code, provider);
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = nextPath.parse(typeof params.next === "string" ? params.next : undefined);
  const state = await Promise.all([needsSetup(), currentActor()]).catch((error: unknown) => {
    const outage = postgresOutage(error);
    if (!outage) throw error;
    return outage;
  });
  if (!Array.isArray(state)) return <DependencyOutage outage={state} />;
  const [setupNeeded, actor] = state;
  if (setupNeeded) redirect("/setup");
  if (actor) redirect(next);
  const oidc = oidcSettings();
  const provider = oidc?.displayName ?? "single sign-on";
  const error = await signInError(typeof params.error === "string" ? params.error : undefined, provider, oidc?.clientSecret);
  return (
    <AuthCard title="Sign in">
      {error ? (
        <div className="mb-4">
          <FormMessage message={error} />
        </div>
      ) : null}
      {oidc ? (
        <div className="mb-5 space-y-5">
          {/* A plain link, not a form or <Link>: the browser must leave for the provider, and CSP form-action allows only this site. */}
          <a
            href={`/api/auth/oidc/login?next=${encodeURIComponent(next)}`}
            className="block w-full rounded bg-info/90 px-3 py-2 text-center text-sm font-medium text-slate-950 hover:bg-info"
          >
            Sign in with {provider}
          </a>
          <p className="flex items-center gap-3 text-xs text-slate-400">
            <span aria-hidden className="h-px flex-1 bg-edge" />
            or with your email and password
            <span aria-hidden className="h-px flex-1 bg-edge" />
          </p>
        </div>
      ) : null}
      <SignInForm next={next} />
    </AuthCard>
  );
}
