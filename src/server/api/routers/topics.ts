import "server-only";
import { z } from "zod";
import { ZTopicConfigChanges } from "~/domain/topics/topic-dto";
import { ZTopicListQuery } from "~/domain/topics/topic-list-query";
import { ZTopicSpec } from "~/domain/topics/topic-spec";
import {
  changeTopicConfigs,
  createTopicChecked,
  getTopic,
  increasePartitions,
  listTopicNames,
  listTopics,
  removeTopic,
} from "~/server/services/topics/topics-service";
import { procedure, router } from "../trpc";
import { topicDataProcedures } from "./topic-data";
import { topicStatsProcedures } from "./topic-stats";

const ZTopicRef = z.object({ clusterId: z.string().min(1), name: z.string().min(1).max(249) });

export const topicsRouter = router({
  ...topicStatsProcedures,
  ...topicDataProcedures,

  list: procedure("viewer")
    .input(ZTopicListQuery)
    .query(({ input }) => listTopics(input)),

  names: procedure("viewer")
    .input(z.object({ clusterId: z.string().min(1) }))
    .query(({ input }) => listTopicNames(input.clusterId)),

  describe: procedure("viewer")
    .input(ZTopicRef)
    .query(({ input }) => getTopic(input.clusterId, input.name)),

  /** With `validateOnly` the broker checks the topic without creating it (the form's last check). */
  create: procedure("admin")
    .input(z.object({ clusterId: z.string().min(1), spec: ZTopicSpec, validateOnly: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => createTopicChecked(ctx, input.clusterId, input.spec, input.validateOnly)),

  /** Sets overrides; a `null` value removes the override so the broker default applies again. */
  alterConfigs: procedure("admin")
    .input(ZTopicRef.extend({ changes: ZTopicConfigChanges }))
    .mutation(({ ctx, input }) => changeTopicConfigs(ctx, input.clusterId, input.name, input.changes)),

  addPartitions: procedure("admin")
    .input(ZTopicRef.extend({ count: z.number().int().min(1).max(10_000) }))
    .mutation(({ ctx, input }) => increasePartitions(ctx, input.clusterId, input.name, input.count)),

  /** `confirmation` must repeat the topic's name: deleting a topic deletes its messages for good. */
  delete: procedure("admin")
    .input(ZTopicRef.extend({ confirmation: z.string() }))
    .mutation(({ ctx, input }) => removeTopic(ctx, input.clusterId, input.name, input.confirmation)),
});
