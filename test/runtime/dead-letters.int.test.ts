import { afterAll, describe, expect, inject, it } from "vitest";
import {
  HEADER_ERROR,
  HEADER_SOURCE_OFFSET,
  HEADER_SOURCE_PARTITION,
  HEADER_SOURCE_TOPIC,
  HEADER_STEP,
} from "~/domain/pipelines/runtime/naming";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { FaultRig } from "./fault-rig";
import { compareIds } from "./id-ledger";
import { cleanMapDocument } from "./runtime-documents";

/**
 * A record a step cannot handle goes to the pipeline's dead-letter topic with the reason and where
 * it was read, and the step carries on with the next one.
 */
const brokers = inject("kafkaBrokers");
const COUNT = 5_000;
const prefix = `rt-dead-${Date.now().toString(36)}`;

afterAll(async () => {
  await disconnectAllClusters();
});

const isMalformed = (id: number) => id % 50 === 7;
const isNotANumber = (id: number) => id % 70 === 3;

/** Mostly sensor readings; every 50th is not JSON at all, every 70th has a value that is no number. */
function recordFor(id: number) {
  const stream = `server-${id % 12}-cpu`;
  if (isMalformed(id)) return { key: stream, value: `garbled reading ${id} {` };
  const value = isNotANumber(id) ? "n/a" : String(40 + (id % 30));
  return { key: stream, value: JSON.stringify({ id, stream, value }) };
}

describe("dead letters", () => {
  it("sends malformed records to the dead-letter topic with their reason and processes every other record", async () => {
    await FaultRig.run(prefix, brokers, async (rig) => {
      await rig.createTopics([`${prefix}-raw`, `${prefix}-clean`, `${prefix}-out`, `${prefix}-dead`], {
        partitions: 3,
      });
      const ids = Array.from({ length: COUNT }, (_, id) => id);
      await rig.produce(`${prefix}-raw`, ids.map(recordFor));
      const out = await rig.collect(`${prefix}-out`, { keep: true });
      const dead = await rig.collect(`${prefix}-dead`, { keep: true });
      await rig.startRunner();
      const deployed = await rig.deploy(cleanMapDocument(prefix, prefix));
      await rig.settled(deployed, [out, dead]);

      // Every good record came through both steps, including those after the bad ones.
      const good = ids.filter((id) => !isMalformed(id) && !isNotANumber(id));
      expect(compareIds(good, out.ids.counts)).toMatchObject({ lostCount: 0, unexpectedCount: 0 });
      const values = out.records.map((record): unknown => JSON.parse(record.value ?? "null"));
      const sample = values.find(
        (value) => typeof value === "object" && value !== null && "id" in value && value.id === 1,
      );
      expect(sample).toMatchObject({ id: 1, value: 41, scaled: 410 });

      const garbled = dead.records.filter((record) => record.value?.startsWith("garbled"));
      expect(new Set(garbled.map((record) => record.value))).toEqual(
        new Set(ids.filter(isMalformed).map((id) => `garbled reading ${id} {`)),
      );
      for (const record of garbled) {
        expect(record.headers[HEADER_ERROR]).toMatch(/\S/);
        expect(record.headers).toMatchObject({ [HEADER_STEP]: "clean", [HEADER_SOURCE_TOPIC]: `${prefix}-raw` });
        expect(record.headers[HEADER_SOURCE_PARTITION]).toMatch(/^[0-2]$/);
        expect(record.headers[HEADER_SOURCE_OFFSET]).toMatch(/^\d+$/);
      }
      const uncoerced = dead.records.filter((record) => !record.value?.startsWith("garbled"));
      expect(compareIds(ids.filter(isNotANumber), dead.ids.counts)).toMatchObject({ lostCount: 0 });
      for (const record of uncoerced) expect(record.headers[HEADER_ERROR]).toMatch(/value/);
    });
  }, 240_000);
});
