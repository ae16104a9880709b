import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface Binaries {
  prometheus: string;
  promtool: string;
  alertmanager: string;
}

interface Wanted {
  names: string[];
  aptPackage: string;
}

const WANTED: Record<keyof Binaries, Wanted> = {
  prometheus: { names: ["prometheus"], aptPackage: "prometheus" },
  promtool: { names: ["promtool"], aptPackage: "prometheus" },
  // Debian renames the binary; upstream tarballs call it alertmanager.
  alertmanager: { names: ["prometheus-alertmanager", "alertmanager"], aptPackage: "prometheus-alertmanager" },
};

/** The absolute path of the first name found on PATH, or undefined. */
export function which(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? "").split(":").filter(Boolean);
  for (const name of names) {
    for (const dir of [...dirs, "/usr/bin", "/usr/local/bin", "/usr/sbin"]) {
      const candidate = `${dir}/${name}`;
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

function canInstallWithApt(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && which(["apt-get"]) !== undefined;
}

/**
 * Finds Prometheus, promtool and Alertmanager. On Debian/Ubuntu as root, installs the
 * missing packages with apt-get; anywhere else, fails with what to install.
 */
export function ensureBinaries(log: (line: string) => void = console.log): Binaries {
  const missing = Object.values(WANTED).filter((wanted) => which(wanted.names) === undefined);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((wanted) => wanted.aptPackage))];
    if (!canInstallWithApt()) {
      throw new Error(
        `Missing ${missing.map((wanted) => wanted.names[0]).join(", ")}. Install them first: ` +
          `on Debian/Ubuntu \`sudo apt-get install ${packages.join(" ")}\`; elsewhere download Prometheus and ` +
          "Alertmanager from prometheus.io and put prometheus, promtool and alertmanager on PATH.",
      );
    }
    log(`Installing ${packages.join(", ")} with apt-get...`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "-q", ...packages], { stdio: "inherit", env });
    if (update.status !== 0 || install.status !== 0) {
      throw new Error(`apt-get install ${packages.join(" ")} failed; install them by hand and run again.`);
    }
  }
  const found = (wanted: Wanted): string => {
    const path = which(wanted.names);
    if (!path) throw new Error(`${wanted.names[0]} is still missing after installing ${wanted.aptPackage}.`);
    return path;
  };
  return {
    prometheus: found(WANTED.prometheus),
    promtool: found(WANTED.promtool),
    alertmanager: found(WANTED.alertmanager),
  };
}
