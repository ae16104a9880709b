import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SECRET_SETTINGS } from "../lib/env.ts";

// Every console build the stack makes sets each secret setting to a recognisable canary, so the
// secret scan (stack/secret-scan.int.test.ts) can look for them in what that same build serves to
// browsers instead of building a second time. Builds read no secret: the console reads its
// settings when it starts (only /_global-error and /icon.svg are prerendered).

export interface Canary {
  setting: string;
  value: string;
  /** A distinctive word inside the value that survives any encoding a bundler might apply. */
  word: string;
}

/** The settings that must accompany the secrets for the configuration to be valid. */
export const CANARY_COMPANIONS: Record<string, string> = {
  VIGIL_ADMIN_EMAIL: "canary-admin@vigil.invalid",
  OIDC_ISSUER_URL: "http://oidc.invalid",
  OIDC_CLIENT_ID: "vigil-console",
};

/** The file, inside a build's dist dir, that names the canaries that build was made with. */
export const CANARY_MARKER = "vigil-secret-canaries.json";

export function newCanaryRun(): string {
  return randomBytes(6).toString("hex");
}

export function canariesOf(run: string): Canary[] {
  return SECRET_SETTINGS.map((setting) => {
    const word = `canary-${setting.toLowerCase().replace(/_/g, "-")}-${run}`;
    switch (setting) {
      case "DATABASE_URL":
        return { setting, word, value: `postgresql://vigil:${word}@db:5432/vigil` };
      case "VIGIL_ADMIN_PASSWORD":
        // Characters URL-encoding changes, so the raw and encoded forms differ.
        return { setting, word, value: `${word} +/&=?` };
      default:
        return { setting, word, value: word };
    }
  });
}

/** A build environment: the caller's, with every secret (and its companions) replaced by canaries. */
export function canaryBuildEnv(base: NodeJS.ProcessEnv, run: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of [...SECRET_SETTINGS, ...Object.keys(CANARY_COMPANIONS), "NODE_ENV"]) delete env[name];
  return { ...env, ...CANARY_COMPANIONS, ...Object.fromEntries(canariesOf(run).map((canary) => [canary.setting, canary.value])) };
}

export function writeCanaryMarker(distDir: string, run: string): void {
  writeFileSync(path.join(distDir, CANARY_MARKER), JSON.stringify({ run }));
}

/** The canary run a build was made with, or undefined for a build made some other way. */
export function readCanaryMarker(distDir: string): string | undefined {
  const file = path.join(distDir, CANARY_MARKER);
  if (!existsSync(file)) return undefined;
  const parsed = z.object({ run: z.string().regex(/^[0-9a-f]{12}$/) }).safeParse(JSON.parse(readFileSync(file, "utf8")));
  return parsed.success ? parsed.data.run : undefined;
}
