import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/auth/current";
import { needsSetup } from "@/lib/auth/sign-in";
import { nextPath } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = nextPath.parse(typeof params.next === "string" ? params.next : undefined);
  if (await needsSetup()) redirect("/setup");
  if (await currentActor()) redirect(next);
  return (
    <AuthCard title="Sign in">
      <SignInForm next={next} />
    </AuthCard>
  );
}
