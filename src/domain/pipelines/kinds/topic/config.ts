import { z } from "zod";

/**
 * A topic on the canvas, named as in Kafka. It binds to the cluster's definition of that name
 * (layer, key, value schema, partitions); without one the rules ask for it, and the inspector
 * creates it with the definitions' own form and rules.
 */
export const ZTopicNodeConfig = z.object({
  topicName: z.string().trim().min(1, "Name the topic."),
});
export type TTopicNodeConfig = z.infer<typeof ZTopicNodeConfig>;
