import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseSloFiles, type ParseResult } from "./spec";

/** The SLO files at a path: the file itself, or every *.yaml / *.yml in the directory, sorted. */
export function sloFilesAt(target: string): Array<{ file: string; text: string }> {
  if (!existsSync(target)) throw new Error(`${target} does not exist`);
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => path.join(target, name))
    : [target];
  return files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

/** Reads and parses the SLOs at a file or directory path. */
export function loadSlos(target: string): ParseResult {
  return parseSloFiles(sloFilesAt(target));
}
