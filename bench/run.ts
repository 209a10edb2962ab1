/**
 * `npm run bench -- <name>`: runs one benchmark from this folder. Each compares Tributary with a
 * baseline measured in the same run and prints ratios; none of them is a test.
 */
// Benchmarks build the app when needed; Next.js telemetry has nothing to do here.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const benchmarks: Record<string, () => Promise<unknown>> = {
  "topic-list": () => import("./topic-list"),
  "message-tail": () => import("./message-tail"),
  "tail-fanout": () => import("./tail-fanout"),
  "message-search": () => import("./message-search"),
  "message-first-page": () => import("./message-first-page"),
  "group-list": () => import("./group-list"),
  "rebalance-detection": () => import("./rebalance-detection"),
  "definitions-drift": () => import("./definitions-drift"),
  "conformance-rate": () => import("./conformance-rate"),
  "pipeline-canvas": () => import("./pipeline-canvas"),
  "pipeline-steps": () => import("./pipeline-steps"),
  "pipeline-runtime": () => import("./pipeline-runtime"),
};

const benchmark = process.argv[2];
const load = benchmark ? benchmarks[benchmark] : undefined;
if (!load) {
  console.error(`Usage: npm run bench -- <${Object.keys(benchmarks).join("|")}>`);
  process.exit(1);
}
await load();
export {};
