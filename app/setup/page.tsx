import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/lib/auth/sign-in";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/sign-in");
  return (
    <AuthCard title="Set up Vigil">
      <SetupForm />
    </AuthCard>
  );
}
