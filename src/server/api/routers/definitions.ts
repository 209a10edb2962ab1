import "server-only";
import {
  ZConformanceInput,
  ZDefinitionListInput,
  ZDefinitionRef,
  ZDefinitionSaveInput,
  ZDriftInput,
  ZExportYamlInput,
  ZImportDraftsInput,
  ZImportTopicsInput,
  ZImportYamlInput,
  ZPlanInput,
  ZSchemaTextInput,
} from "~/domain/definitions/definition-requests";
import { runConformanceCheck } from "~/server/services/definitions/conformance-service";
import {
  getDefinitionDetail,
  listDefinitionSummaries,
  removeDefinition,
  saveDefinition,
} from "~/server/services/definitions/definitions-service";
import { importDrafts, importTopics } from "~/server/services/definitions/import-service";
import { applyStream, driftForCluster, planForCluster } from "~/server/services/definitions/plan-service";
import { addSchemaVersion, checkSchema } from "~/server/services/definitions/schema-versions";
import { exportYaml, importYaml } from "~/server/services/definitions/yaml-service";
import { procedure, router, withAppErrors } from "../trpc";

/** Topic definitions: the intended state of each topic, held against the live cluster. */
export const definitionsRouter = router({
  /** The catalogue, with each definition's drift (one pass over the cluster) and stored conformance. */
  list: procedure("viewer")
    .input(ZDefinitionListInput)
    .query(({ input }) => listDefinitionSummaries(input)),

  get: procedure("viewer")
    .input(ZDefinitionRef)
    .query(({ input }) => getDefinitionDetail(input.clusterId, input.topicName)),

  /** Creates or updates a definition; never touches Kafka (apply does). */
  save: procedure("operator")
    .input(ZDefinitionSaveInput)
    .mutation(({ ctx, input }) => saveDefinition(ctx, input)),

  /** Removes the definition only; the topic and its messages stay. */
  remove: procedure("operator")
    .input(ZDefinitionRef)
    .mutation(({ ctx, input }) => removeDefinition(ctx, input.clusterId, input.topicName)),

  /** Live feedback while a schema is edited: does it compile, is it compatible with the newest version. */
  checkSchema: procedure("viewer")
    .input(ZSchemaTextInput)
    .query(({ input }) => checkSchema(input)),

  addSchemaVersion: procedure("operator")
    .input(ZSchemaTextInput)
    .mutation(({ ctx, input }) => addSchemaVersion(ctx, input)),

  /** Existing topics as draft definitions, with a JSON Schema inferred from recent values (read without a group). */
  importDrafts: procedure("viewer")
    .input(ZImportDraftsInput)
    .mutation(({ ctx, input }) => importDrafts(ctx, input)),

  importTopics: procedure("operator")
    .input(ZImportTopicsInput)
    .mutation(({ ctx, input }) => importTopics(ctx, input)),

  drift: procedure("viewer")
    .input(ZDriftInput)
    .query(({ input }) => driftForCluster(input.clusterId, input.topicName)),

  plan: procedure("viewer")
    .input(ZPlanInput)
    .query(({ input }) => planForCluster(input.clusterId, input.topicNames)),

  /**
   * Plans again on the server, then runs the steps one by one with one audit row each; stops at the
   * first error with its sentence. Unsubscribing cancels before the next step. (Named applyPlan, not
   * apply: tRPC reserves `apply` and `call` because its client is a function proxy.)
   */
  applyPlan: procedure("admin")
    .input(ZPlanInput)
    .subscription(async function* ({ ctx, input, signal }) {
      yield* withAppErrors(applyStream(ctx, input, signal ?? new AbortController().signal));
    }),

  /** Samples recent values per partition (without a group), checks them against the newest schema, stores the result. */
  checkConformance: procedure("viewer")
    .input(ZConformanceInput)
    .mutation(({ ctx, input }) => runConformanceCheck(ctx, input)),

  exportYaml: procedure("viewer")
    .input(ZExportYamlInput)
    .query(({ input }) => exportYaml(input)),

  importYaml: procedure("operator")
    .input(ZImportYamlInput)
    .mutation(({ ctx, input }) => importYaml(ctx, input)),
});
