import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import avro from "avsc";
import pg from "pg";
import { clusterIdFor, signedInAs, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";

test.use(signedInAs("operator"));

const METRIC = {
  type: "record",
  name: "Metric",
  fields: [
    { name: "host", type: "string" },
    { name: "cpu", type: "double" },
    { name: "id", type: "long" },
  ],
};

/**
 * A topic defined with an Avro value schema, stored as the definitions service stores it (the
 * catalogue's own e2e goes through its forms); the rows go when the cluster's topic is deleted.
 */
async function defineAvroTopic(clusterId: string, topic: string): Promise<{ definitionId: string; schemaId: number }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const definitionId = randomUUID();
    await client.query(
      `INSERT INTO topic_definitions (id, cluster_id, topic_name, layer, owner, partitions, replication_factor, configs,
         schema_format, created_by, updated_at, updated_by)
       VALUES ($1, $2, $3, 'raw', 'telemetry-team', 1, 1, '{}', 'avro', 'e2e', now(), 'e2e')`,
      [definitionId, clusterId, topic],
    );
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO topic_schema_versions (definition_id, version, format, text, created_by)
       VALUES ($1, 1, 'avro', $2, 'e2e') RETURNING id`,
      [definitionId, JSON.stringify(METRIC)],
    );
    return { definitionId, schemaId: rows[0]!.id };
  } finally {
    await client.end();
  }
}

async function forgetDefinition(definitionId: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("DELETE FROM topic_definitions WHERE id = $1", [definitionId]);
  } finally {
    await client.end();
  }
}

test("browses an Avro topic's values as JSON, framed and plain, and keeps Hex for the raw bytes", async ({ page }) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-avro");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true }),
  );
  await page.goto("/");
  const clusterId = await clusterIdFor(page);
  const { definitionId, schemaId } = await defineAvroTopic(clusterId, topic);
  try {
    const type = avro.Type.forSchema(METRIC as avro.Schema);
    const frame = Buffer.alloc(5);
    frame.writeInt32BE(schemaId, 1);
    await withOutsideProducer((producer) =>
      producer.send({
        topic,
        messages: [
          { key: "plain", value: type.toBuffer({ host: "web-1", cpu: 0.25, id: 7 }) },
          { key: "framed", value: Buffer.concat([frame, type.toBuffer({ host: "web-2", cpu: 0.5, id: 8 })]) },
        ],
      }),
    );

    await page.goto(
      `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages&mode=browse&start=earliest&order=oldest`,
    );
    const values = page.getByTestId("message-value");
    await expect(values).toHaveText([
      '{ "host": "web-1", "cpu": 0.25, "id": 7 }',
      '{ "host": "web-2", "cpu": 0.5, "id": 8 }',
    ]);

    await page.getByTestId("message-row").nth(1).press("Enter");
    const detail = page.getByRole("dialog");
    await expect(detail.getByTestId("payload-value").getByTestId("payload-decoder")).toHaveText("Avro (v1)");
    await expect(detail.getByTestId("payload-value")).toContainText("web-2");
    await page.keyboard.press("Escape");

    // Hex shows the bytes as they are on the broker: the frame's magic byte and schema id first.
    await page.getByTestId("decoder-select").selectOption("hex");
    const header = [...frame].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
    await expect(values.nth(1)).toContainText(header);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
    await forgetDefinition(definitionId);
  }
});
