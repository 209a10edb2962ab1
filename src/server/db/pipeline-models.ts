import "server-only";
import type { TPipelineModel } from "~/domain/pipelines/pipeline-dto";
import { AppError } from "~/lib/app-error";
import type { PipelineModel, Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** A model's graph inputs or outputs, as onnxruntime reported them at upload. */
export type TModelTensorInfo = TPipelineModel["inputs"];

export type TNewPipelineModel = {
  name: string;
  description: string;
  bytes: Uint8Array;
  sha256: string;
  inputs: TModelTensorInfo;
  outputs: TModelTensorInfo;
  createdBy: string;
};

const WITHOUT_BYTES = {
  id: true,
  name: true,
  description: true,
  sha256: true,
  sizeBytes: true,
  inputs: true,
  outputs: true,
  createdAt: true,
  createdBy: true,
} satisfies Prisma.PipelineModelSelect;

function toModel(row: Omit<PipelineModel, "bytes">): TPipelineModel {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    // Written only by insertPipelineModel, from onnxruntime's metadata.
    inputs: row.inputs as TModelTensorInfo,
    outputs: row.outputs as TModelTensorInfo,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error && /P2002|Unique constraint/i.test(`${(error as { code?: unknown }).code} ${error.message}`)
  );
}

/** Stores an uploaded model; a taken name is refused as a conflict with a sentence. */
export function insertPipelineModel(model: TNewPipelineModel): Promise<TPipelineModel> {
  return withDatabase(async () => {
    try {
      const row = await getDb().pipelineModel.create({
        data: {
          name: model.name,
          description: model.description,
          bytes: Buffer.from(model.bytes),
          sha256: model.sha256,
          sizeBytes: model.bytes.byteLength,
          inputs: model.inputs as Prisma.InputJsonValue,
          outputs: model.outputs as Prisma.InputJsonValue,
          createdBy: model.createdBy,
        },
        select: WITHOUT_BYTES,
      });
      return toModel(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError(
        "CONFLICT",
        `A model named "${model.name}" exists already.`,
        "Choose another name, or remove the existing model first.",
      );
    }
  });
}

/** Every model, newest first, without their bytes. */
export function listPipelineModels(): Promise<TPipelineModel[]> {
  return withDatabase(async () => {
    const rows = await getDb().pipelineModel.findMany({ select: WITHOUT_BYTES, orderBy: { createdAt: "desc" } });
    return rows.map(toModel);
  });
}

export function findPipelineModel(id: string): Promise<TPipelineModel | null> {
  return withDatabase(async () => {
    const row = await getDb().pipelineModel.findUnique({ where: { id }, select: WITHOUT_BYTES });
    return row ? toModel(row) : null;
  });
}

/** The bytes of the named models, for the dry run's worker (ids not found are left out). */
export function readPipelineModelBytes(
  ids: readonly string[],
): Promise<{ id: string; sha256: string; bytes: Uint8Array }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withDatabase(async () => {
    const rows = await getDb().pipelineModel.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, sha256: true, bytes: true },
    });
    return rows.map((row) => ({ id: row.id, sha256: row.sha256, bytes: new Uint8Array(row.bytes) }));
  });
}

/** Deletes a model; false when there was none with that id. */
export function deletePipelineModel(id: string): Promise<boolean> {
  return withDatabase(async () => {
    const { count } = await getDb().pipelineModel.deleteMany({ where: { id } });
    return count > 0;
  });
}
