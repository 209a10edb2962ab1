/**
 * A pipeline is one document: its nodes (topics and steps), the edges between their ports, and
 * per-pipeline settings. The database, the YAML file, the canvas and the engine all start from
 * it; the canvas is derived from it (`canvas.ts`) and canvas edits come back as document edits
 * (`edits.ts`). Adding a node kind: a folder under `kinds/`, a line in `kinds/index.ts`, and its
 * config below.
 */
import { z } from "zod";
import { ZCleanConfig } from "./kinds/clean/config";
import { ZEnrichConfig } from "./kinds/enrich/config";
import { ZFilterConfig } from "./kinds/filter/config";
import { ZMapConfig } from "./kinds/map/config";
import { ZModelConfig } from "./kinds/model/config";
import { ZRouteConfig } from "./kinds/route/config";
import { ZTopicNodeConfig } from "./kinds/topic/config";
import { ZWindowConfig } from "./kinds/window/config";
import type { TNodeKind } from "./kind-spec";

/** A node id: short, stable, readable in YAML and URLs (`clean-1`). */
export const NODE_ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const ZNodeId = z
  .string()
  .regex(NODE_ID_PATTERN, "A node id is lower-case letters, digits and '-', starting with a letter.");

const ZNodeBase = z.object({
  id: ZNodeId,
  /** The title on the canvas; empty: the kind's label (topics show their topic name). */
  label: z.string().max(100).default(""),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
});

export const ZPipelineNode = z.discriminatedUnion("kind", [
  ZNodeBase.extend({ kind: z.literal("topic"), config: ZTopicNodeConfig }),
  ZNodeBase.extend({ kind: z.literal("filter"), config: ZFilterConfig }),
  ZNodeBase.extend({ kind: z.literal("map"), config: ZMapConfig }),
  ZNodeBase.extend({ kind: z.literal("clean"), config: ZCleanConfig }),
  ZNodeBase.extend({ kind: z.literal("route"), config: ZRouteConfig }),
  ZNodeBase.extend({ kind: z.literal("enrich"), config: ZEnrichConfig }),
  ZNodeBase.extend({ kind: z.literal("window"), config: ZWindowConfig }),
  ZNodeBase.extend({ kind: z.literal("model"), config: ZModelConfig }),
]);
export type TPipelineNode = z.output<typeof ZPipelineNode>;
/** The config type of one kind. */
export type TConfigOf<K extends TNodeKind> = Extract<TPipelineNode, { kind: K }>["config"];

/** An edge joins an output port of one node to an input port of another (ports: step-types.ts). */
export const ZPipelineEdge = z.object({
  id: z.string().min(1).max(200),
  source: ZNodeId,
  sourcePort: z.string().min(1).max(60).default("out"),
  target: ZNodeId,
  targetPort: z.string().min(1).max(60).default("in"),
});
export type TPipelineEdge = z.output<typeof ZPipelineEdge>;

export const DELIVERY_MODES = ["at-least-once", "exactly-once"] as const;
export type TDeliveryMode = (typeof DELIVERY_MODES)[number];

export const ZPipelineSettings = z.object({
  /**
   * exactly-once: each step reads, writes and commits its offsets in one Kafka transaction
   * (consumers read committed); at-least-once: a crash may repeat records, never lose them.
   */
  deliveryMode: z.enum(DELIVERY_MODES).default("at-least-once"),
  /** Where records go that a step could not process, with the reason in a header; null: none. */
  deadLetterTopic: z.string().trim().min(1).nullable().default(null),
  /** Consumer instances per step (members of the step's consumer group). */
  instances: z.number().int().min(1, "At least one instance.").max(256).default(1),
  /** Where a newly deployed step starts reading when its group has no committed offset. */
  startFrom: z.enum(["latest", "earliest"]).default("latest"),
});
export type TPipelineSettings = z.output<typeof ZPipelineSettings>;

export const PIPELINE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

/** The whole pipeline. Structure only: the rules (`rules.ts`) say what is wrong with a valid document. */
export const ZPipelineDocument = z
  .object({
    name: z
      .string()
      .trim()
      .regex(
        PIPELINE_NAME_PATTERN,
        "A pipeline name is letters, digits, spaces, '.', '_' or '-', at most 100, starting with a letter or digit.",
      ),
    description: z.string().max(20_000).default(""),
    settings: ZPipelineSettings.default({
      deliveryMode: "at-least-once",
      deadLetterTopic: null,
      instances: 1,
      startFrom: "latest",
    }),
    nodes: z.array(ZPipelineNode).max(2_000, "A pipeline has at most 2,000 nodes."),
    edges: z.array(ZPipelineEdge).max(10_000),
  })
  // Edges, the canvas, the diff and the dry run all find nodes and edges by id.
  .superRefine((document, context) => {
    for (const list of ["nodes", "edges"] as const) {
      const first = new Map<string, number>();
      document[list].forEach((item, index) => {
        const earlier = first.get(item.id);
        if (earlier === undefined) first.set(item.id, index);
        else
          context.addIssue({
            code: "custom",
            path: [list, index, "id"],
            message: `The id ${item.id} is also used by ${list}[${earlier}]; give each one its own id.`,
          });
      });
    }
  });
export type TPipelineDocument = z.output<typeof ZPipelineDocument>;
export type TPipelineDocumentInput = z.input<typeof ZPipelineDocument>;
