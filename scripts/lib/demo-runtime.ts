/**
 * The pipeline runtime of `npm start`: on the embedded default (the local Kafka), the demo pipeline
 * deployed once and ONE runner as a child process, stopped with the rest. On a cluster of yours no
 * runner is started — you decide where runners run — and the log says how to start one.
 */
import type { TEnv } from "../../src/env";
import { wantsDemoData, type Service } from "./local-services";
import { spawnRunner } from "./runner-process";

type Log = (line: string) => void;

export type TDemoRuntime = Service<{
  /** The line to print once the web app answers: the runner's pid and where to watch the pipeline. */
  announce(baseUrl: string): void;
}>;

const HOW_TO_START_A_RUNNER =
  "Pipelines: no runner started on a cluster of yours. To run deployed pipelines, start one or more with `npm run runner` (same DATABASE_URL, KAFKA_BROKERS and TRIBUTARY_SECRET_KEY) on this or any machine that reaches both.";

export async function startDemoRuntime(
  env: TEnv,
  services: { databaseUrl: string; bootstrapServers: string; isLocal: boolean },
  secretKey: string | undefined,
  log: Log,
): Promise<TDemoRuntime> {
  if (!services.isLocal) {
    return { announce: () => log(HOW_TO_START_A_RUNNER), stop: async () => {} };
  }
  const deployment = wantsDemoData(env, services) ? await deployDemo(log) : null;
  let stopping = false;
  const runner = spawnRunner(
    {
      DATABASE_URL: services.databaseUrl,
      KAFKA_BROKERS: services.bootstrapServers,
      ...(secretKey ? { TRIBUTARY_SECRET_KEY: secretKey } : {}),
    },
    {
      log: (line) => console.log(`[runner] ${line}`),
      onExit: (code) => {
        if (!stopping)
          log(
            `The runner stopped (exit code ${code ?? "none"}); deployed pipelines wait until one runs — start one with npm run runner.`,
          );
      },
    },
  );
  return {
    announce: (baseUrl) => {
      const started = `Runner started (pid ${runner.pid})`;
      if (!deployment) return log(`${started}; it runs the pipelines you deploy.`);
      const where = `${baseUrl}/clusters/${deployment.clusterId}/pipelines/${deployment.pipelineId}`;
      const state = deployment.isNew
        ? "deployed"
        : deployment.desiredState === "running"
          ? "running"
          : "stopped (resume it there)";
      log(`${started}; pipeline ${deployment.name} ${state} — open ${where}`);
    },
    stop: async () => {
      stopping = true;
      await runner.stop();
    },
  };
}

/**
 * A failure is logged, never fatal: the app and the runner are worth starting without the demo.
 * Imported only now, like the demo designs: the app's modules read DATABASE_URL and KAFKA_BROKERS,
 * which are known only once the services run.
 */
async function deployDemo(log: Log) {
  try {
    const { deployDemoPipelineOnce } = await import("./demo-pipeline");
    return await deployDemoPipelineOnce();
  } catch (error) {
    log(`Demo pipeline: not deployed (${error instanceof Error ? error.message : String(error)}).`);
    return null;
  }
}
