/** The simulator's topic, as `npm start` and the seeds' template name it. */
export const DEMO_TOPIC = "telemetry.raw";
/** As many partitions as the demo pipeline's topics (scripts/lib/demo-pipeline.ts), so its steps are co-partitioned. */
export const DEMO_PARTITIONS = 6;
