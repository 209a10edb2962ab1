import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ZEnv } from "../src/env";

type ComposeService = {
  build?: string;
  image?: string;
  command?: string[];
  container_name?: string;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
};
// `merge`: the file shares settings through YAML merge keys (`<<: *tributary-env`), as Compose reads them.
const compose = parse(readFileSync("docker-compose.yml", "utf8"), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** KEY=value lines of .env.example, commented-out ones included (they document optional variables). */
function exampleVariables(): Map<string, string> {
  const entries = readFileSync(".env.example", "utf8")
    .split("\n")
    .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!] as const);
  return new Map(entries);
}

describe("docker-compose.yml and .env.example", () => {
  const example = exampleVariables();
  const app = compose.services.app!;

  it("documents every variable src/env.ts reads, except NODE_ENV", () => {
    const declared = Object.keys(ZEnv.shape).filter((name) => name !== "NODE_ENV");
    expect([...example.keys()].sort()).toEqual(declared.sort());
  });

  it("passes the app only variables that .env.example documents", () => {
    for (const name of Object.keys(app.environment ?? {})) expect(example.has(name), name).toBe(true);
  });

  it("runs runners from the app's image, on the app's database, brokers and secret key", () => {
    const runner = compose.services.runner!;
    expect(runner.build).toBe(app.build);
    expect(runner.image).toBe(app.image);
    expect(runner.command).toEqual(["npm", "run", "runner"]);
    for (const name of ["DATABASE_URL", "KAFKA_BROKERS", "TRIBUTARY_SECRET_KEY"]) {
      expect(runner.environment?.[name], name).toBe(app.environment?.[name]);
    }
    for (const name of Object.keys(runner.environment ?? {})) expect(example.has(name), name).toBe(true);
    // The app applies the migrations the runners read; it is healthy only after that.
    expect(runner.depends_on?.app).toEqual({ condition: "service_healthy" });
  });

  it("lets `--scale runner=N` start several runners: no published port, no fixed container name", () => {
    const runner = compose.services.runner!;
    expect(runner.ports).toBeUndefined();
    expect(runner.container_name).toBeUndefined();
  });

  it("publishes the app on the default PORT", () => {
    expect(app.ports).toContain(`127.0.0.1:${example.get("PORT")}:${app.environment?.PORT}`);
  });

  it("publishes the first broker on the port of the default KAFKA_BROKERS", () => {
    const defaultPort = example.get("KAFKA_BROKERS")!.split(":")[1];
    expect(compose.services["kafka-1"]!.ports).toContain(`127.0.0.1:${defaultPort}:${defaultPort}`);
  });

  it("publishes every port on the host's loopback only", () => {
    const ports = Object.values(compose.services).flatMap((service) => service.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port, port).toMatch(/^127\.0\.0\.1:/);
  });

  it("gives the app every broker of the cluster", () => {
    const brokers = String(app.environment?.KAFKA_BROKERS).split(",");
    const kafkaServices = Object.keys(compose.services).filter((name) => name.startsWith("kafka-"));
    expect(brokers).toHaveLength(kafkaServices.length);
  });
});
