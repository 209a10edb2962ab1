/**
 * What the live overlay draws on the canvas, ready to show: the editor derives these from the
 * document and the runtime overlay once a second (features/pipelines/runtime/live-decorations.ts).
 * Every field is display text or a flag, so that a node whose marks read the same compares equal
 * and React Flow does not redraw it (canvas/reuse-unchanged.ts compares `signature`).
 */
import type { TStepState } from "./runtime-dto";

/** How an instance chip reads: it holds partitions, it holds none, its runner is gone, it failed, … */
export type TInstanceTone = "running" | "idle" | "gone" | "failed" | "starting" | "stopped";

/** One member of a step's consumer group, as a chip on the step's node. */
export type TLiveInstanceMark = {
  /** `<runnerId>/<instance>`: stable while the member lives. */
  id: string;
  /** "runner-a #1" (host, or host:pid when two runners share a host). */
  label: string;
  /** "p0 p2 p4", "idle", or "p0 … p11 (12)" when many. */
  partitions: string;
  tone: TInstanceTone;
  /** Shown on hover and focus: the seeds' reason for an idle instance, a gone runner, a failure. */
  title: string;
};

/** A step node: its state, lag, rates, dead letters and instances. */
export type TLiveStepMark = {
  kind: "step";
  /** "not-deployed": the open document has this step, the deployed revision does not. */
  state: TStepState | "not-deployed";
  /** "Running", "Failed: <reason>", "Not in the deployed revision", … */
  stateText: string;
  /** "lag 1.2k"; null when unknown. */
  lag: string | null;
  /** "in 1.2k/s · out 1.1k/s". */
  rates: string;
  /** "12 dead letters"; null when none. */
  deadLetters: string | null;
  /** "2 failed"; null when no member failed. */
  errors: string | null;
  instances: TLiveInstanceMark[];
  /** The seeds' sentence when some instances are idle. */
  idleReason: string | null;
  /** Equal signatures: the node reads the same. */
  signature: string;
};

/** The dead-letter topic (a topic node on the canvas, or the virtual node placed right of the graph). */
export type TLiveDeadLetterMark = {
  kind: "dead-letters";
  /** "42 dead letters · 0.4/s". */
  text: string;
  /** Not a node of the document: drawn by the overlay because the topic is not on the canvas. */
  isVirtual: boolean;
  signature: string;
};

export type TLiveNodeMark = TLiveStepMark | TLiveDeadLetterMark;

export type TLiveEdgeMark = {
  /** "1.2k/s", "0/s". */
  rate: string;
  /** Nothing crossed the edge in the last second: the label is dimmed. */
  isIdle: boolean;
  /** The edge from a step to the dead-letter topic (drawn by the overlay, not in the document). */
  isDeadLetter: boolean;
};
