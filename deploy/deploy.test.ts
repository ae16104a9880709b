import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Job } from "kubernetes-models/batch/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Secret, Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { z } from "zod";
import { ENV_DOCS } from "@/lib/env";

/*
 * What can be checked here without a Docker daemon or a cluster: the manifests against the
 * Kubernetes API schemas (kubernetes-models' validators: types, required fields, enums), the
 * compose file with docker-compose's own `config`, and the Dockerfile's promises.
 */

const root = path.resolve(__dirname, "..");
const kubeDir = path.join(root, "deploy/kubernetes");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const manifestSchema = z.object({ apiVersion: z.string(), kind: z.string(), metadata: z.object({ name: z.string() }) }).loose();

function manifests(): Array<z.infer<typeof manifestSchema> & { file: string }> {
  return readdirSync(kubeDir)
    .filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml")
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(kubeDir, file), "utf8")).map((document) => ({ ...manifestSchema.parse(document.toJS()), file })),
    );
}

const validators: Record<string, (object: unknown) => void> = {
  "apps/v1/Deployment": (object) => new Deployment(object as never).validate(),
  "batch/v1/Job": (object) => new Job(object as never).validate(),
  "v1/Service": (object) => new Service(object as never).validate(),
  "v1/Secret": (object) => new Secret(object as never).validate(),
};

describe("Kubernetes manifests", () => {
  const all = manifests();

  it("are all of a known kind and valid against the API schema", () => {
    expect(all.map((manifest) => manifest.kind).sort()).toEqual(["Deployment", "Job", "Secret", "Service"]);
    for (const manifest of all) {
      const validate = validators[`${manifest.apiVersion}/${manifest.kind}`];
      expect(validate, `${manifest.file}: ${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => validate?.(manifest), manifest.file).not.toThrow();
    }
  });

  it("probe /api/health: liveness ignores upstreams, readiness follows Postgres, and run as non-root", () => {
    const deployment = new Deployment(all.find((manifest) => manifest.kind === "Deployment") as never);
    const pod = deployment.spec?.template.spec;
    const container = pod?.containers[0];
    expect(container?.livenessProbe?.httpGet?.path).toBe("/api/health?probe=live");
    expect(container?.readinessProbe?.httpGet?.path).toBe("/api/health?probe=ready");
    expect(pod?.securityContext?.runAsNonRoot).toBe(true);
    expect(container?.securityContext?.allowPrivilegeEscalation).toBe(false);
    expect(container?.envFrom?.[0]?.secretRef?.name).toBe("vigil-config");
  });

  it("configure only variables the console knows, through one Secret the Deployment and the Job share", () => {
    const secret = all.find((manifest) => manifest.kind === "Secret");
    const keys = Object.keys(z.object({ stringData: z.record(z.string(), z.string()) }).parse(secret).stringData);
    const known = Object.keys(ENV_DOCS);
    expect(keys.filter((key) => !known.includes(key))).toEqual([]);
    expect(keys).toContain("DATABASE_URL");
    const job = new Job(all.find((manifest) => manifest.kind === "Job") as never);
    expect(job.spec?.template.spec?.containers[0]?.envFrom?.[0]?.secretRef?.name).toBe("vigil-config");
    expect(job.spec?.template.spec?.containers[0]?.args).toEqual(["db", "migrate"]);
  });

  it("are all listed in the kustomization, except the example Secret", () => {
    const kustomization = z.object({ resources: z.array(z.string()) }).parse(parse(read("deploy/kubernetes/kustomization.yaml")));
    const files = [...new Set(all.map((manifest) => manifest.file))].filter((file) => !file.includes("example"));
    expect(kustomization.resources.sort()).toEqual(files.sort());
  });
});

describe("docker-compose.yml", () => {
  it("is valid for docker-compose itself", () => {
    // docker-compose (Debian's, installed by .ci/run) validates against the compose schema and interpolates.
    const output = execFileSync("docker-compose", ["-f", path.join(root, "docker-compose.yml"), "config"], {
      env: { ...process.env, POSTGRES_PASSWORD: "compose-test", VIGIL_ADMIN_PASSWORD: "compose-test-password" },
      encoding: "utf8",
    });
    const config = z
      .object({ services: z.record(z.string(), z.object({ environment: z.record(z.string(), z.string().nullable()).optional() }).loose()) })
      .parse(parse(output));
    expect(Object.keys(config.services).sort()).toEqual(["alertmanager", "console", "migrate", "postgres", "prometheus"]);
    const known = Object.keys(ENV_DOCS);
    const consoleEnv = Object.keys(config.services.console?.environment ?? {});
    expect(consoleEnv.filter((key) => !known.includes(key))).toEqual([]);
    expect(config.services.console?.environment?.DATABASE_URL).toBe("postgresql://vigil:compose-test@postgres:5432/vigil");
  });

  it("refuses to start without the passwords it needs", () => {
    const env = { ...process.env };
    delete env.POSTGRES_PASSWORD;
    delete env.VIGIL_ADMIN_PASSWORD;
    expect(() => execFileSync("docker-compose", ["-f", path.join(root, "docker-compose.yml"), "config", "-q"], { env, stdio: "pipe" })).toThrow(
      /set POSTGRES_PASSWORD|set VIGIL_ADMIN_PASSWORD/,
    );
  });

  it("gives Prometheus a config promtool accepts", () => {
    expect(() => execFileSync("promtool", ["check", "config", "--syntax-only", path.join(root, "deploy/compose/prometheus.yml")], { stdio: "pipe" })).not.toThrow();
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("runs the console as a non-root user with a health check on /api/health", () => {
    const console = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(console).toMatch(/AS console/);
    expect(console).toMatch(/\nUSER vigil\n/);
    expect(console).toMatch(/HEALTHCHECK[\s\S]*\/api\/health\?probe=live/);
    expect(console).toMatch(/\.next\/standalone/);
  });

  it("copies only paths that exist in the repository", () => {
    const sources = [...dockerfile.matchAll(/^COPY --from=build (?:--chown=\S+ )?\/app\/(\S+)/gm)].map((match) => match[1] ?? "");
    const fromContext = [...dockerfile.matchAll(/^COPY (?!--)(\S+) /gm)].map((match) => match[1] ?? "").filter((source) => source !== ".");
    for (const source of [...sources.filter((item) => !item.startsWith(".next")), ...fromContext]) {
      expect(existsSync(path.join(root, source)), source).toBe(true);
    }
  });

  it("builds with standalone output, which the image's server.js relies on", () => {
    expect(read("next.config.ts")).toMatch(/output: process\.env\.VIGIL_STANDALONE === "1" \? "standalone"/);
    expect(dockerfile).toMatch(/ENV VIGIL_STANDALONE=1\nRUN npm run build/);
    expect(read("server.js")).toMatch(/required-server-files\.json/);
  });
});
