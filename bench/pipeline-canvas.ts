/**
 * A pipeline of 300 nodes (100 chains topic → map → topic) in the editor of the production app,
 * against a bare @xyflow/react page drawing the same nodes and edges (default nodes, same
 * background, minimap and controls), in the same Chromium, in the same run:
 * - time to interactive: navigation start → the first frame in which all 300 nodes are in the DOM
 *   and measured (React Flow hides a node until it knows its size), read in the page;
 * - frame time while dragging: requestAnimationFrame intervals over a scripted drag of one node
 *   (60 mouse moves), p50 / p95 / max.
 * Prints both and the ratios. `npm run bench -- pipeline-canvas [runs]`.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { build } from "esbuild";
import type { TPipelineDocument } from "../src/domain/pipelines/document";
import { startAppInBrowser } from "./app-in-browser";
import { startBenchServices } from "./bench-services";
import { quantile } from "./stats";

const CHAINS = 100;
const NODES = CHAINS * 3;
const RUNS = Number(process.argv[3] ?? 3);
const DRAG_MOVES = 60;

/**
 * Runs in the page before its scripts: notes the first frame in which every node is in the DOM and
 * measured. Plain JavaScript text: tsx names the functions of this file with a helper the page lacks.
 */
const WATCH_FOR_INTERACTIVE = `(() => {
  const check = (frameStart) => {
    const nodes = document.querySelectorAll(".react-flow__node");
    if (nodes.length >= ${NODES} && [...nodes].every((node) => node.style.visibility !== "hidden")) {
      window.__interactiveAt = frameStart;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Records requestAnimationFrame intervals until window.__recording is false (plain text, as above). */
const RECORD_FRAMES = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = 0;
  const tick = (now) => {
    if (!window.__recording) return;
    window.__frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
})()`;

const { kafka, database, stop } = await startBenchServices("pipeline-canvas");
let bare: Server | null = null;
try {
  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const caller = createCaller({ actor: LOCAL_OPERATOR });
  const [cluster] = await caller.clusters.list();
  const created = await caller.pipelines.create({ clusterId: cluster!.id, name: "bench 300 nodes", template: "blank" });
  const document = largeDocument();
  await caller.pipelines.save({
    clusterId: cluster!.id,
    pipelineId: created.id,
    baseVersion: created.version,
    document,
    cause: "save",
  });

  bare = await serveBarePage(document);
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const { createSignedInAccount } = await import("../src/server/auth/test-accounts");
  const { cookie } = await createSignedInAccount("operator");
  const app = await startAppInBrowser({
    cookie,
    databaseUrl: database.databaseUrl,
    kafkaBrokers: kafka.bootstrapServers,
    basePort: 3400,
  });
  try {
    const editorUrl = `${app.baseUrl}/clusters/${cluster!.id}/pipelines/${created.id}`;
    const results = { editor: emptyResult(), bare: emptyResult() };
    // One warm-up of each (the server compiles routes, the browser caches nothing across contexts).
    for (let run = 0; run <= RUNS; run += 1) {
      for (const [name, url] of [
        ["editor", editorUrl],
        ["bare", bareUrl],
      ] as const) {
        const context = await app.newContext();
        const page = await context.newPage();
        await page.setViewportSize({ width: 1600, height: 1000 });
        const measured = await measure(page, url);
        await context.close();
        if (run === 0) continue;
        results[name].interactive.push(measured.interactiveMs);
        results[name].frames.push(...measured.frameMs);
        results[name].drags.push(measured.dragMs);
      }
    }
    report(results);
  } finally {
    await app.close();
  }
} finally {
  bare?.close();
  await stop();
}

type TResult = { interactive: number[]; frames: number[]; drags: number[] };
function emptyResult(): TResult {
  return { interactive: [], frames: [], drags: [] };
}

/** 100 rows of raw topic → map → clean topic, 220 px apart horizontally, 90 px vertically. */
function largeDocument(): TPipelineDocument {
  const nodes: TPipelineDocument["nodes"] = [];
  const edges: TPipelineDocument["edges"] = [];
  for (let chain = 0; chain < CHAINS; chain += 1) {
    const y = chain * 90;
    const raw = `raw-${chain}`;
    const map = `map-${chain}`;
    const clean = `clean-${chain}`;
    nodes.push(
      { id: raw, kind: "topic", label: "", position: { x: 0, y }, config: { topicName: `bench.raw.${chain}` } },
      { id: map, kind: "map", label: "", position: { x: 260, y }, config: { expression: "$", keyExpression: "" } },
      { id: clean, kind: "topic", label: "", position: { x: 520, y }, config: { topicName: `bench.clean.${chain}` } },
    );
    edges.push(
      { id: `e-${raw}`, source: raw, sourcePort: "out", target: map, targetPort: "in" },
      { id: `e-${map}`, source: map, sourcePort: "out", target: clean, targetPort: "in" },
    );
  }
  return {
    name: "bench 300 nodes",
    description: "",
    settings: { deliveryMode: "at-least-once", deadLetterTopic: null, instances: 1, startFrom: "latest" },
    nodes,
    edges,
  };
}

/** The bare page: esbuild bundles pipeline-canvas-bare.tsx (React in production mode) with React Flow's CSS. */
async function serveBarePage(document: TPipelineDocument): Promise<Server> {
  const bundle = await build({
    entryPoints: [new URL("./pipeline-canvas-bare.tsx", import.meta.url).pathname],
    bundle: true,
    minify: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const script = bundle.outputFiles[0]!.text;
  const css = await readFile(new URL("../node_modules/@xyflow/react/dist/style.css", import.meta.url), "utf8");
  const pipeline = {
    nodes: document.nodes.map((node) => ({
      id: node.id,
      label: node.kind === "topic" ? node.config.topicName : node.kind,
      x: node.position.x,
      y: node.position.y,
    })),
    edges: document.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style><style>body{margin:0}</style></head><body><div id="root"></div><script>window.__PIPELINE=${JSON.stringify(pipeline)}</script><script>${script}</script></body></html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

type TCanvasWindow = Window & { __interactiveAt?: number; __frames?: number[]; __recording?: boolean };

async function measure(page: Page, url: string): Promise<{ interactiveMs: number; frameMs: number[]; dragMs: number }> {
  // tsx compiles this file with esbuild's keepNames, so the functions handed to page.evaluate call
  // a `__name` helper that exists only in Node; the page gets a stand-in.
  await page.addInitScript({ content: "window.__name = (fn) => fn;" });
  await page.addInitScript({ content: WATCH_FOR_INTERACTIVE });
  await page.goto(url, { waitUntil: "commit" });
  const interactiveMs = (await (
    await page
      .waitForFunction(() => (window as TCanvasWindow).__interactiveAt, undefined, { timeout: 120_000 })
      .catch(async (error: unknown) => {
        const state = await page.evaluate(
          `(() => { const nodes = [...document.querySelectorAll(".react-flow__node")]; return location.href + ": " + nodes.length + " nodes in the DOM, " + nodes.filter((node) => node.style.visibility === "hidden").length + " hidden"; })()`,
        );
        throw new Error(`The canvas did not become interactive (${state}).`, { cause: error });
      })
  ).jsonValue()) as number;
  // A node in the middle of the chains, by its id (the editor and the bare page both set data-id).
  const node = page.locator('.react-flow__node[data-id="map-50"]');
  const box = await node.boundingBox();
  if (!box) throw new Error(`The node map-50 is not on screen at ${url}.`);
  const before = await node.evaluate((element) => element.style.transform || element.getAttribute("style"));
  await page.evaluate(RECORD_FRAMES);
  const startX = box.x + box.width / 2;
  const startY = box.y + box.height / 2;
  await page.mouse.move(startX, startY);
  const dragStarted = performance.now();
  await page.mouse.down();
  for (let move = 1; move <= DRAG_MOVES; move += 1) await page.mouse.move(startX + move * 4, startY + move * 2);
  await page.mouse.up();
  const dragMs = performance.now() - dragStarted;
  const frameMs = await page.evaluate(() => {
    const canvasWindow = window as TCanvasWindow;
    canvasWindow.__recording = false;
    return canvasWindow.__frames ?? [];
  });
  const after = await node.evaluate((element) => element.style.transform || element.getAttribute("style"));
  if (before === after) throw new Error(`Dragging did not move the node at ${url}.`);
  return { interactiveMs, frameMs, dragMs };
}

function report(results: { editor: TResult; bare: TResult }): void {
  const line = (name: string, result: TResult) =>
    `${name.padEnd(28)} interactive median ${quantile(result.interactive, 0.5).toFixed(0)} ms (${result.interactive
      .map((ms) => ms.toFixed(0))
      .join(
        ", ",
      )}); drag frames p50 ${quantile(result.frames, 0.5).toFixed(1)} ms, p95 ${quantile(result.frames, 0.95).toFixed(1)} ms, max ${Math.max(...result.frames).toFixed(1)} ms (${result.frames.length} frames); the ${DRAG_MOVES}-move drag took a median ${quantile(result.drags, 0.5).toFixed(0)} ms`;
  console.log(`${NODES} nodes, ${CHAINS * 2} edges, ${RUNS} runs each after one warm-up:`);
  console.log(line("Tributary editor", results.editor));
  console.log(line("bare @xyflow/react page", results.bare));
  const ratio = (a: number[], b: number[], q: number) => (quantile(a, q) / quantile(b, q)).toFixed(2);
  console.log(
    `ratios (editor / bare): interactive ${ratio(results.editor.interactive, results.bare.interactive, 0.5)}×, drag frame p50 ${ratio(results.editor.frames, results.bare.frames, 0.5)}×, p95 ${ratio(results.editor.frames, results.bare.frames, 0.95)}×, drag duration ${ratio(results.editor.drags, results.bare.drags, 0.5)}×`,
  );
}
