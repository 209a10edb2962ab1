import "server-only";
import { ZPipelineDocument, type TPipelineDocument } from "~/domain/pipelines/document";
import type {
  TPipelineDetail,
  TPipelineStatus,
  TRevisionCause,
  TRevisionDetail,
  TRevisionSummary,
} from "~/domain/pipelines/pipeline-dto";
import { AppError } from "~/lib/app-error";
import { Prisma, type Pipeline, type PipelineRevision } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/**
 * Documents are written only by this module, after zod validated them (pipeline-requests.ts), and
 * read back through the schema again: JSONB keeps keys in its own order (shortest first), and the
 * schema's output restores the document's (which the YAML export and diffs show), and fills
 * defaults a newer schema added. One stored before a schema change that no longer parses is
 * returned as stored, so that it still opens and the rules can show what to fix.
 */
function documentOf(json: Prisma.JsonValue): TPipelineDocument {
  const parsed = ZPipelineDocument.safeParse(json);
  return parsed.success ? parsed.data : (json as unknown as TPipelineDocument);
}
const jsonOf = (document: TPipelineDocument) => document as unknown as Prisma.InputJsonValue;

const NEWEST_REVISION = { select: { revision: true }, orderBy: { revision: "desc" as const }, take: 1 };

// status and cause are written only here, from the domain's enums: reading them back is a cast.
function toDetail(row: Pipeline & { revisions: { revision: number }[] }): TPipelineDetail {
  return {
    id: row.id,
    clusterId: row.clusterId,
    status: row.status as TPipelineStatus,
    document: documentOf(row.document),
    version: row.version,
    revision: row.revisions[0]?.revision ?? 1,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

function toRevisionSummary(row: PipelineRevision): TRevisionSummary {
  // Only the counts: a cast is enough (the history lists every revision; parsing each would cost more).
  const { nodes, edges } = row.document as unknown as TPipelineDocument;
  return {
    revision: row.revision,
    name: row.name,
    cause: row.cause as TRevisionCause,
    restoredFrom: row.restoredFrom,
    nodeCount: nodes.length,
    edgeCount: edges.length,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
  };
}

/** Two pipelines of one cluster share a name: the unique (cluster, name) index says so. */
function nameTaken(error: unknown, name: string): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new AppError(
      "CONFLICT",
      `This cluster already has a pipeline named ${name}.`,
      "Choose another name, or open that pipeline instead.",
    );
  }
  return error;
}

export type TPipelineListRow = Omit<TPipelineDetail, "revision" | "createdAt" | "createdBy">;

/** Every pipeline of a cluster, by name, with its current document. */
export function listPipelineRows(clusterId: string): Promise<TPipelineListRow[]> {
  return withDatabase(async () => {
    const rows = await getDb().pipeline.findMany({ where: { clusterId }, orderBy: { name: "asc" } });
    return rows.map((row) => ({
      id: row.id,
      clusterId: row.clusterId,
      status: row.status as TPipelineStatus,
      document: documentOf(row.document),
      version: row.version,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    }));
  });
}

export function findPipeline(clusterId: string, pipelineId: string): Promise<TPipelineDetail | null> {
  return withDatabase(async () => {
    const row = await getDb().pipeline.findFirst({
      where: { id: pipelineId, clusterId },
      include: { revisions: NEWEST_REVISION },
    });
    return row && toDetail(row);
  });
}

/** The newest revision's facts that decide whether an autosave folds into it. */
export type TNewestRevision = Pick<TRevisionSummary, "revision" | "cause" | "createdBy" | "createdAt">;

export function findNewestRevision(pipelineId: string): Promise<TNewestRevision | null> {
  return withDatabase(async () => {
    const row = await getDb().pipelineRevision.findFirst({
      where: { pipelineId },
      orderBy: { revision: "desc" },
      select: { revision: true, cause: true, createdBy: true, createdAt: true },
    });
    return row && { ...row, cause: row.cause as TRevisionCause };
  });
}

/** A new pipeline (status draft, version 1) with its revision 1. */
export function insertPipeline(
  clusterId: string,
  document: TPipelineDocument,
  cause: "create" | "import",
  by: string,
): Promise<TPipelineDetail> {
  return withDatabase(async () => {
    try {
      const row = await getDb().pipeline.create({
        data: {
          clusterId,
          name: document.name,
          description: document.description,
          document: jsonOf(document),
          createdBy: by,
          updatedBy: by,
          revisions: {
            create: {
              revision: 1,
              name: document.name,
              description: document.description,
              document: jsonOf(document),
              cause,
              createdBy: by,
            },
          },
        },
        include: { revisions: NEWEST_REVISION },
      });
      return toDetail(row);
    } catch (error) {
      throw nameTaken(error, document.name);
    }
  });
}

/** Where a written document goes in the history: into an existing revision (an autosave folding), or a new one. */
export type TRevisionWrite =
  { fold: number } | { fold: null; cause: Exclude<TRevisionCause, "create">; restoredFrom: number | null };

export type TPipelineWrite = {
  pipelineId: string;
  /** The write happens only while the pipeline is still at this version (compare and set). */
  baseVersion: number;
  document: TPipelineDocument;
  status: TPipelineStatus;
  revision: TRevisionWrite;
  by: string;
};

/**
 * Writes a new document, bumps the version and records the revision, in one transaction; "stale"
 * (nothing written) when someone else's write got in first. The version check is an UPDATE … WHERE
 * version = base: of two simultaneous saves from the same version, PostgreSQL lets exactly one
 * through, whatever the caller read before.
 */
export function writePipelineDocument(write: TPipelineWrite): Promise<TPipelineDetail | "stale"> {
  const { pipelineId, baseVersion, document, by } = write;
  return withDatabase(async () => {
    try {
      return await getDb().$transaction(async (db) => {
        const { count } = await db.pipeline.updateMany({
          where: { id: pipelineId, version: baseVersion },
          data: {
            name: document.name,
            description: document.description,
            document: jsonOf(document),
            status: write.status,
            version: { increment: 1 },
            updatedBy: by,
          },
        });
        if (count === 0) return "stale" as const;
        const written = { name: document.name, description: document.description, document: jsonOf(document) };
        if (write.revision.fold !== null) {
          await db.pipelineRevision.update({
            where: { pipelineId_revision: { pipelineId, revision: write.revision.fold } },
            data: written,
          });
        } else {
          const newest = await db.pipelineRevision.findFirst({ where: { pipelineId }, ...NEWEST_REVISION });
          await db.pipelineRevision.create({
            data: {
              ...written,
              pipelineId,
              revision: (newest?.revision ?? 0) + 1,
              cause: write.revision.cause,
              restoredFrom: write.revision.restoredFrom,
              createdBy: by,
            },
          });
        }
        const row = await db.pipeline.findUniqueOrThrow({
          where: { id: pipelineId },
          include: { revisions: NEWEST_REVISION },
        });
        return toDetail(row);
      });
    } catch (error) {
      throw nameTaken(error, document.name);
    }
  });
}

/** Marks the pipeline draft or ready and bumps its version; "stale" when it is no longer at `baseVersion`. */
export function writePipelineStatus(
  pipelineId: string,
  baseVersion: number,
  status: TPipelineStatus,
  by: string,
): Promise<TPipelineDetail | "stale"> {
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      const { count } = await db.pipeline.updateMany({
        where: { id: pipelineId, version: baseVersion },
        data: { status, version: { increment: 1 }, updatedBy: by },
      });
      if (count === 0) return "stale" as const;
      const row = await db.pipeline.findUniqueOrThrow({
        where: { id: pipelineId },
        include: { revisions: NEWEST_REVISION },
      });
      return toDetail(row);
    }),
  );
}

/** False when there was no such pipeline. Its revisions go with it (ON DELETE CASCADE). */
export function deletePipeline(clusterId: string, pipelineId: string): Promise<boolean> {
  return withDatabase(async () => {
    const { count } = await getDb().pipeline.deleteMany({ where: { id: pipelineId, clusterId } });
    return count > 0;
  });
}

/** Every revision of a pipeline, newest first, without documents' bodies beyond their counts. */
export function listRevisionRows(pipelineId: string): Promise<TRevisionSummary[]> {
  return withDatabase(async () => {
    const rows = await getDb().pipelineRevision.findMany({ where: { pipelineId }, orderBy: { revision: "desc" } });
    return rows.map(toRevisionSummary);
  });
}

export function findRevision(pipelineId: string, revision: number): Promise<TRevisionDetail | null> {
  return withDatabase(async () => {
    const row = await getDb().pipelineRevision.findUnique({
      where: { pipelineId_revision: { pipelineId, revision } },
    });
    return row && { ...toRevisionSummary(row), document: documentOf(row.document) };
  });
}
