import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster, kafkaFor, withAdmin } from "../client-registry";
import {
  committedOffsets,
  createTopics,
  endOffsets,
  groupMemberCount,
  prepareInternalTopics,
  produceValues,
  readAllRecords,
  uniqueName,
  upperCaseProcessor,
} from "./runtime-test-kit";
import { startStepMember } from "./step-member";
import type { TStepMember, TStepMemberOptions } from "./step-member-types";

const target = { id: "step-member-test", bootstrapServers: inject("kafkaBrokers") };
const topics: string[] = [];
const groups: string[] = [];
const members: TStepMember[] = [];
const N = 2_000;
/** Failures no test expected: a test that sets its own onFailure checks them itself. */
const unexpectedFailures: string[] = [];

beforeAll(() => prepareInternalTopics(target));

afterEach(() => {
  expect(unexpectedFailures.splice(0)).toEqual([]);
});

afterAll(async () => {
  await Promise.allSettled(members.map((member) => member.stop()));
  await withAdmin(target, async (admin) => {
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.deleteTopics({ topics });
  });
  await disconnectCluster(target.id);
});

/** An input and an output topic of 3 partitions, N records spread over the input, and the step's group. */
async function setUp(label: string, count = N) {
  const input = uniqueName(`${label}-in`);
  const output = uniqueName(`${label}-out`);
  const groupId = `tributary.${uniqueName(label)}.upper`;
  topics.push(input, output);
  groups.push(groupId);
  await createTopics(target, [input, output], 3);
  const values = Array.from({ length: count }, (_, index) => `record-${index}`);
  if (count > 0) await produceValues(target, input, values, (index) => index % 3);
  return { input, output, groupId, values };
}

function memberOptions(
  input: string,
  output: string,
  groupId: string,
  overrides: Partial<TStepMemberOptions> = {},
): TStepMemberOptions {
  return {
    cluster: target,
    groupId,
    clientId: `${groupId}-member`,
    inputTopic: input,
    startFrom: "earliest",
    exactlyOnce: false,
    transactionalIdFor: (partition) => `${groupId}.p${partition}`,
    openPartition: () => Promise.resolve(upperCaseProcessor(output)),
    onFailure: (sentence) => unexpectedFailures.push(sentence),
    ...overrides,
  };
}

async function start(options: TStepMemberOptions): Promise<TStepMember> {
  const member = await startStepMember(options);
  members.push(member);
  return member;
}

describe("a step member, at-least-once", () => {
  it("moves every record to the output, commits up to the end offsets, and leaves the group on stop", async () => {
    const { input, output, groupId, values } = await setUp("alos");
    const member = await start(memberOptions(input, output, groupId));

    await expect.poll(() => committedOffsets(target, groupId, input)).toEqual(await endOffsets(target, input));
    const written = await readAllRecords(target, output, false);
    expect(written.map((record) => record.value?.toString()).sort()).toEqual(
      values.map((value) => value.toUpperCase()).sort(),
    );
    expect(member.counts()).toEqual({ consumed: N, produced: N });

    await member.stop();
    expect(await groupMemberCount(target, groupId)).toBe(0);
  });
});

describe("a step member, exactly-once", () => {
  it("writes each record exactly once for read_committed readers, with the offsets in the transactions", async () => {
    const { input, output, groupId, values } = await setUp("eos");
    const member = await start(memberOptions(input, output, groupId, { exactlyOnce: true }));

    await expect.poll(() => committedOffsets(target, groupId, input)).toEqual(await endOffsets(target, input));
    const visible = await readAllRecords(target, output, true);
    expect(visible.map((record) => record.value?.toString()).sort()).toEqual(
      values.map((value) => value.toUpperCase()).sort(),
    );
    await member.stop();
    expect(await groupMemberCount(target, groupId)).toBe(0);
  });

  it("a step that throws mid-way leaves nothing of its batch visible, commits nothing more, and says why", async () => {
    const { input, output, groupId } = await setUp("eos-throw", 0);
    const failures: string[] = [];
    const member = await start(
      memberOptions(input, output, groupId, {
        exactlyOnce: true,
        openPartition: () => {
          const upper = upperCaseProcessor(output);
          return Promise.resolve({
            process: (records) => {
              if (records.some((record) => record.value?.toString() === "poison")) {
                return Promise.reject(new Error("The value poison cannot be handled"));
              }
              return upper.process(records);
            },
            close: () => undefined,
          });
        },
        onFailure: (sentence) => failures.push(sentence),
      }),
    );

    const first = Array.from({ length: 100 }, (_, index) => `first-${index}`);
    await produceValues(target, input, first, () => 1);
    await expect.poll(() => committedOffsets(target, groupId, input)).toEqual(["-1", "100", "-1"]);

    // One send: one batch, whose middle record makes the step throw.
    const second = Array.from({ length: 100 }, (_, index) => (index === 50 ? "poison" : `second-${index}`));
    await produceValues(target, input, second, () => 1);
    await expect.poll(() => failures).toHaveLength(1);
    expect(failures[0]).toMatch(/The step failed on partition 1 of .*The value poison cannot be handled\./);

    const visible = await readAllRecords(target, output, true);
    expect(visible.map((record) => record.value?.toString()).sort()).toEqual(
      first.map((value) => value.toUpperCase()).sort(),
    );
    expect(await committedOffsets(target, groupId, input)).toEqual(["-1", "100", "-1"]);
    expect(await groupMemberCount(target, groupId)).toBe(0);
    expect(member.partitions()).toEqual([]);
  });
});

describe("a fenced exactly-once member", () => {
  it("cannot commit once a newer owner of its partition took over: nothing of the batch is visible, and it says why", async () => {
    const { input, output, groupId } = await setUp("eos-fenced", 0);
    const failures: string[] = [];
    let enter: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await start(
      memberOptions(input, output, groupId, {
        exactlyOnce: true,
        openPartition: () => {
          const upper = upperCaseProcessor(output);
          return Promise.resolve({
            process: async (records) => {
              enter();
              await released;
              return upper.process(records);
            },
            close: () => undefined,
          });
        },
        onFailure: (sentence) => failures.push(sentence),
      }),
    );
    await produceValues(target, input, ["late-0", "late-1", "late-2"], () => 0);
    await entered;

    // What the partition's next owner does first: a producer with the same transactional id.
    const successor = kafkaFor(target).producer({
      transactionalId: `${groupId}.p0`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await successor.connect();
    await (await successor.transaction()).abort();
    await successor.disconnect();
    release();

    await expect.poll(() => failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /^Writing the results of partition 0 of .* failed\. A newer producer with the same transactional id replaced this one\./,
    );
    expect(await readAllRecords(target, output, true)).toEqual([]);
    expect(await committedOffsets(target, groupId, input)).toEqual(["-1", "-1", "-1"]);
  });
});

describe.each([
  { mode: "at-least-once", exactlyOnce: false },
  { mode: "exactly-once", exactlyOnce: true },
])("two members of one step, $mode", ({ exactlyOnce }) => {
  it("share the partitions without overlap, and one that stops hands its partitions to the other, losing nothing", async () => {
    const { input, output, groupId, values } = await setUp(exactlyOnce ? "pair-eos" : "pair", 600);
    const held = new Map<string, number[]>();
    const track = (name: string) => (partitions: number[]) => held.set(name, partitions);
    const options = (name: string) =>
      memberOptions(input, output, groupId, { exactlyOnce, clientId: `member-${name}`, onAssignment: track(name) });
    await start(options("a"));
    await expect.poll(() => held.get("a")).toEqual([0, 1, 2]);

    const second = await start(options("b"));
    await expect
      .poll(() => {
        const a = held.get("a") ?? [];
        const b = held.get("b") ?? [];
        return { all: [...a, ...b].sort(), isShared: a.length > 0 && b.length > 0 };
      })
      .toEqual({ all: [0, 1, 2], isShared: true });
    expect(second.partitions()).toEqual(held.get("b"));
    const whileShared = Array.from({ length: 600 }, (_, index) => `shared-${index}`);
    await produceValues(target, input, whileShared, (index) => index % 3);

    await second.stop();
    await expect.poll(() => held.get("a")).toEqual([0, 1, 2]);
    const afterHandover = Array.from({ length: 600 }, (_, index) => `after-${index}`);
    await produceValues(target, input, afterHandover, (index) => index % 3);

    await expect.poll(() => committedOffsets(target, groupId, input)).toEqual(await endOffsets(target, input));
    const expected = [...values, ...whileShared, ...afterHandover].map((value) => value.toUpperCase()).sort();
    const written = (await readAllRecords(target, output, exactlyOnce)).map((record) => record.value?.toString());
    if (exactlyOnce) expect(written.sort()).toEqual(expected);
    else expect([...new Set(written)].sort()).toEqual(expected);
  });
});
