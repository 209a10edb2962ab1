/**
 * The commands of `npm run tributary`, on the same services the web app's `definitions.*`
 * procedures use: planForDefinitions, applyPlan (one audit row per step), importYaml, exportYaml.
 * Returns the exit code: 0 done, 1 Kafka, the database or a step failed, 2 usage or file errors.
 */
import { userInfo } from "node:os";
import { definitionsFromYaml } from "../../src/domain/definitions/definitions-yaml";
import { AppError } from "../../src/lib/app-error";
import type { TAuditActor } from "../../src/server/services/audit/audited";
import { listClusters, type TRegisteredCluster } from "../../src/server/services/clusters/registered-clusters";
import { applyPlan, planForDefinitions } from "../../src/server/services/definitions/plan-service";
import { exportYaml, importYaml } from "../../src/server/services/definitions/yaml-service";
import type { TDefinitionsRequest } from "./cli-args";
import { applyEventLine, planLines } from "./plan-output";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type TCliIo = {
  /** Results: the plan, the YAML of an export. */
  out: (text: string) => void;
  /** Progress and errors, so `export > file.yaml` holds only YAML. */
  err: (line: string) => void;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
};

/**
 * Who the audit log names for changes made from the command line: "cli:<OS user>", with the role of
 * an operator. The CLI runs on the server with its database credentials, so whoever can run it could
 * change the database anyway; the name says which shell account did it.
 */
export function cliActor(osUser = userInfo().username): TAuditActor {
  const name = `cli:${osUser}`;
  return { actor: { id: name, name, role: "operator" }, client: { ip: null, userAgent: "tributary-cli" } };
}

export async function runDefinitionsCommand(
  request: TDefinitionsRequest,
  io: TCliIo,
  options: { by?: TAuditActor; signal?: AbortSignal } = {},
): Promise<number> {
  try {
    if (request.command === "export") return await runExport(request, io);
    const text = await io.readFile(request.file).catch((error: unknown) => {
      throw new AppError("BAD_INPUT", `Cannot read ${request.file}: ${fileProblem(error)}.`);
    });
    const parsed = definitionsFromYaml(text);
    if (!parsed.ok) {
      for (const error of parsed.errors) {
        const where = [request.file, error.line, error.path].filter((part) => part !== null && part !== "").join(":");
        io.err(`${where}: ${error.message}`);
      }
      return EXIT_USAGE;
    }
    const cluster = await resolveCluster(request.cluster ?? parsed.file.cluster ?? null);
    const { definitions } = parsed.file;
    if (request.command === "apply") {
      const { saved } = await importYaml(options.by ?? cliActor(), { clusterId: cluster.id, yaml: text });
      io.err(`Saved ${saved} definition${saved === 1 ? "" : "s"} of ${request.file} for cluster ${cluster.name}.`);
    }
    const plan = await planForDefinitions(cluster.id, definitions);
    io.out(planLines(plan, cluster.name, definitions.length).join("\n"));
    if (request.command === "plan" || plan.steps.length === 0) return EXIT_OK;
    const outcome = await applyPlan(options.by ?? cliActor(), cluster.id, plan, {
      signal: options.signal,
      onProgress: (event) => {
        const line = applyEventLine(event);
        if (line !== null) io.out(line);
      },
    });
    return outcome.failed ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.err(error.hint ? `${error.message} ${error.hint}` : error.message);
    return error.code === "BAD_INPUT" ? EXIT_USAGE : EXIT_FAILED;
  }
}

async function runExport(request: Extract<TDefinitionsRequest, { command: "export" }>, io: TCliIo): Promise<number> {
  const cluster = await resolveCluster(request.cluster);
  const { yaml } = await exportYaml({ clusterId: cluster.id, ...(request.layer ? { layer: request.layer } : {}) });
  if (request.out === null) io.out(yaml.replace(/\n$/, ""));
  else {
    await io.writeFile(request.out, yaml);
    io.err(`Wrote the definitions of cluster ${cluster.name} to ${request.out}.`);
  }
  return EXIT_OK;
}

/** By name (or id) when given; else the cluster of KAFKA_BROKERS, which every Tributary has. */
async function resolveCluster(wanted: string | null): Promise<TRegisteredCluster> {
  const clusters = await listClusters();
  const found = clusters.find((cluster) =>
    wanted === null ? cluster.isDefault : cluster.name === wanted || cluster.id === wanted,
  );
  if (found) return found;
  throw new AppError(
    "BAD_INPUT",
    `There is no cluster named ${wanted ?? "by KAFKA_CLUSTER_NAME"} in Tributary.`,
    `The registered clusters are ${clusters.map((cluster) => cluster.name).join(", ")}; choose one with --cluster.`,
  );
}

function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "there is no such file";
  if (code === "EISDIR") return "it is a folder";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
