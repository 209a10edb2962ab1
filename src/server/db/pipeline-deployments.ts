import "server-only";
import { ZPipelineDocument, type TPipelineDocument } from "~/domain/pipelines/document";
import { DEPLOYMENTS_CHANNEL } from "~/domain/pipelines/runtime/naming";
import type { TDeploymentDto, TDesiredState } from "~/domain/pipelines/runtime/runtime-dto";
import type { PipelineDeployment, Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/**
 * Deployments: the desired state of each pipeline's runtime. Written by the web server's deploy,
 * stop and resume (each bumps `generation` and notifies DEPLOYMENTS_CHANNEL), read by runners.
 */
export type TDeploymentRow = TDeploymentDto & { id: string; document: TPipelineDocument };

// desiredState is written only here, from TDesiredState: reading it back is a cast.
function toRow(row: PipelineDeployment): TDeploymentRow {
  const parsed = ZPipelineDocument.safeParse(row.document);
  return {
    id: row.id,
    pipelineId: row.pipelineId,
    clusterId: row.clusterId,
    slug: row.slug,
    revision: row.revision,
    document: parsed.success ? parsed.data : (row.document as unknown as TPipelineDocument),
    desiredState: row.desiredState as TDesiredState,
    generation: row.generation,
    deployedAt: row.deployedAt,
    deployedBy: row.deployedBy,
  };
}

export function toDeploymentDto(row: TDeploymentRow): TDeploymentDto {
  const { id: _id, document: _document, ...dto } = row;
  return dto;
}

export function findDeployment(pipelineId: string): Promise<TDeploymentRow | null> {
  return withDatabase(async () => {
    const row = await getDb().pipelineDeployment.findUnique({ where: { pipelineId } });
    return row ? toRow(row) : null;
  });
}

/** Every deployment, running or stopped (a runner stops the members of stopped ones). */
export function listDeployments(): Promise<TDeploymentRow[]> {
  return withDatabase(async () => {
    const rows = await getDb().pipelineDeployment.findMany({ orderBy: { deployedAt: "asc" } });
    return rows.map(toRow);
  });
}

/**
 * Deploys `document` as `revision` and wants it running: creates the deployment (with `slug`, kept
 * from then on) or replaces its revision, bumping the generation. Notifies the runners.
 */
export function writeDeployment(input: {
  pipelineId: string;
  clusterId: string;
  slug: string;
  revision: number;
  document: TPipelineDocument;
  deployedBy: string;
}): Promise<TDeploymentRow> {
  return withDatabase(async () => {
    const document = input.document as unknown as Prisma.InputJsonValue;
    const now = new Date();
    const row = await getDb().pipelineDeployment.upsert({
      where: { pipelineId: input.pipelineId },
      create: {
        pipelineId: input.pipelineId,
        clusterId: input.clusterId,
        slug: input.slug,
        revision: input.revision,
        document,
        desiredState: "running",
        deployedAt: now,
        deployedBy: input.deployedBy,
      },
      update: {
        revision: input.revision,
        document,
        desiredState: "running",
        generation: { increment: 1 },
        deployedAt: now,
        deployedBy: input.deployedBy,
      },
    });
    await notifyDeployments(row.id);
    return toRow(row);
  });
}

/** Stop or resume: the deployed revision stays; runners stop or start its members. */
export function setDesiredState(pipelineId: string, desiredState: TDesiredState): Promise<TDeploymentRow | null> {
  return withDatabase(async () => {
    const { count } = await getDb().pipelineDeployment.updateMany({
      where: { pipelineId },
      data: { desiredState, generation: { increment: 1 } },
    });
    if (count === 0) return null;
    const row = await getDb().pipelineDeployment.findUniqueOrThrow({ where: { pipelineId } });
    await notifyDeployments(row.id);
    return toRow(row);
  });
}

/** Wakes every runner listening on DEPLOYMENTS_CHANNEL (they poll as well, so a lost notify only delays). */
export async function notifyDeployments(deploymentId: string): Promise<void> {
  await getDb().$executeRaw`SELECT pg_notify(${DEPLOYMENTS_CHANNEL}, ${deploymentId})`;
}
