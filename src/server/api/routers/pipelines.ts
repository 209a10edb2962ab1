import "server-only";
import {
  ZCompareRevisionsInput,
  ZDryRunInput,
  ZFactsInput,
  ZImportPipelineYamlInput,
  ZModelRef,
  ZPipelineCreateInput,
  ZPipelineListInput,
  ZPipelineRef,
  ZPipelineSaveInput,
  ZPipelineStatusInput,
  ZPreviewExpressionInput,
  ZRestoreInput,
  ZRevisionRef,
} from "~/domain/pipelines/pipeline-requests";
import { compareRevisions, dryRun, previewExpression } from "~/server/services/pipelines/dry-run-service";
import { pipelineFacts } from "~/server/services/pipelines/facts-service";
import { listModels, removeModel } from "~/server/services/pipelines/models-service";
import { exportPipelineYaml, importPipelineYaml } from "~/server/services/pipelines/pipeline-yaml-service";
import {
  createPipeline,
  getPipeline,
  getRevision,
  listPipelines,
  listRevisions,
  removePipeline,
  restoreRevision,
  savePipeline,
  setPipelineStatus,
} from "~/server/services/pipelines/pipelines-service";
import { procedure, router } from "../trpc";

/** The pipeline designer: documents, revisions, the dry run, and uploaded models. */
export const pipelinesRouter = router({
  list: procedure("viewer")
    .input(ZPipelineListInput)
    .query(({ input }) => listPipelines(input)),

  get: procedure("viewer")
    .input(ZPipelineRef)
    .query(({ input }) => getPipeline(input)),

  /** Definitions and live facts of the named topics, for the rules shown on the canvas. */
  facts: procedure("viewer")
    .input(ZFactsInput)
    .query(({ input }) => pipelineFacts(input)),

  create: procedure("operator")
    .input(ZPipelineCreateInput)
    .mutation(({ ctx, input }) => createPipeline(ctx, input)),

  /** Refused as a conflict when someone else saved since `baseVersion`. */
  save: procedure("operator")
    .input(ZPipelineSaveInput)
    .mutation(({ ctx, input }) => savePipeline(ctx, input)),

  /** "ready" is refused while any rule is broken; "draft" always works. */
  setStatus: procedure("operator")
    .input(ZPipelineStatusInput)
    .mutation(({ ctx, input }) => setPipelineStatus(ctx, input)),

  remove: procedure("operator")
    .input(ZPipelineRef)
    .mutation(({ ctx, input }) => removePipeline(ctx, input)),

  revisions: procedure("viewer")
    .input(ZPipelineRef)
    .query(({ input }) => listRevisions(input)),

  revision: procedure("viewer")
    .input(ZRevisionRef)
    .query(({ input }) => getRevision(input)),

  restore: procedure("operator")
    .input(ZRestoreInput)
    .mutation(({ ctx, input }) => restoreRevision(ctx, input)),

  exportYaml: procedure("viewer")
    .input(ZPipelineRef)
    .query(({ input }) => exportPipelineYaml(input)),

  importYaml: procedure("operator")
    .input(ZImportPipelineYamlInput)
    .mutation(({ ctx, input }) => importPipelineYaml(ctx, input)),

  /** Reads message data (audited like a browse) and runs the steps on it; writes nothing to Kafka. */
  dryRun: procedure("viewer")
    .input(ZDryRunInput)
    .mutation(({ ctx, input, signal }) => dryRun(ctx, input, signal)),

  compareRevisions: procedure("viewer")
    .input(ZCompareRevisionsInput)
    .mutation(({ ctx, input, signal }) => compareRevisions(ctx, input, signal)),

  previewExpression: procedure("viewer")
    .input(ZPreviewExpressionInput)
    .mutation(({ input }) => previewExpression(input)),

  models: procedure("viewer").query(() => listModels()),

  removeModel: procedure("operator")
    .input(ZModelRef)
    .mutation(({ ctx, input }) => removeModel(ctx, input.modelId)),
});
