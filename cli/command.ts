import { parseArgs, type ParseArgsConfig } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** The repository root (the CLI always runs from a checkout). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** node:util parseArgs, with its errors turned into UsageErrors. */
export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Resolves when the process receives SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}
