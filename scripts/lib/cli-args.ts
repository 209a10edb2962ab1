/** The command line of `npm run tributary -- …`, read into a request or the usage sentence. */
import { TOPIC_LAYERS, type TTopicLayer } from "../../src/domain/definitions/definition";

/** The definitions commands (they need the database and the cluster). */
export type TDefinitionsRequest =
  | { command: "plan" | "apply"; file: string; cluster: string | null }
  | { command: "export"; cluster: string | null; layer: TTopicLayer | null; out: string | null };
/** `validate` checks a pipeline file offline: no database, no cluster. */
export type TCliRequest = TDefinitionsRequest | { command: "validate"; file: string };

export type TCliArgs = { ok: true; request: TCliRequest } | { ok: false; message: string };

export const USAGE = [
  "Usage:",
  "  npm run tributary -- plan <file.yaml> [--cluster <name>]    print what applying the file would do",
  "  npm run tributary -- apply <file.yaml> [--cluster <name>]   save the file's definitions, then apply the plan",
  "  npm run -s tributary -- export [--cluster <name>] [--layer <layer>] [--out <file.yaml>]",
  "                                                              print the definitions as YAML (or write them to a file)",
  "  npm run tributary -- validate <pipeline.yaml>                check a pipeline file offline (structure and rules)",
  "The cluster is --cluster, else the file's `cluster:`, else the cluster of KAFKA_BROKERS.",
].join("\n");

const OPTIONS: Record<TCliRequest["command"], readonly string[]> = {
  plan: ["--cluster"],
  apply: ["--cluster"],
  export: ["--cluster", "--layer", "--out"],
  validate: [],
};

const COMMANDS = Object.keys(OPTIONS) as TCliRequest["command"][];

export function parseCliArgs(argv: readonly string[]): TCliArgs {
  const [command, ...rest] = argv;
  if (!isCommand(command)) {
    return { ok: false, message: command === undefined ? "Name a command." : `There is no command '${command}'.` };
  }
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name = "", inlineValue] = arg.split(/=(.*)/s, 2);
    if (!OPTIONS[command].includes(name)) return { ok: false, message: `${command} has no option ${name}.` };
    const value = inlineValue ?? rest[++index];
    if (value === undefined || value === "") return { ok: false, message: `${name} needs a value.` };
    options.set(name, value);
  }
  const cluster = options.get("--cluster") ?? null;
  if (command === "export") {
    if (positional.length > 0) return { ok: false, message: `export takes no file; use --out ${positional[0]}.` };
    const layer = options.get("--layer") ?? null;
    if (layer !== null && !isLayer(layer)) {
      return { ok: false, message: `--layer must be one of ${TOPIC_LAYERS.join(", ")}.` };
    }
    return { ok: true, request: { command, cluster, layer, out: options.get("--out") ?? null } };
  }
  const [file, ...extra] = positional;
  if (file === undefined) return { ok: false, message: `${command} needs the YAML file to read.` };
  if (extra.length > 0) return { ok: false, message: `${command} reads one file; got ${positional.length}.` };
  if (command === "validate") return { ok: true, request: { command, file } };
  return { ok: true, request: { command, file, cluster } };
}

function isCommand(value: string | undefined): value is TCliRequest["command"] {
  return COMMANDS.includes(value as TCliRequest["command"]);
}

function isLayer(value: string): value is TTopicLayer {
  return (TOPIC_LAYERS as readonly string[]).includes(value);
}
