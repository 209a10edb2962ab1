import { afterAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster } from "./client-registry";
import { describeClusterOverview } from "./describe-cluster";

const target = { id: "describe-cluster-test", bootstrapServers: inject("kafkaBrokers") };

afterAll(() => disconnectCluster(target.id));

describe("describeClusterOverview (kafkajs internal metadata adapter)", () => {
  it("returns brokers with rack, the controller and partition health from one metadata request", async () => {
    const overview = await describeClusterOverview(target);
    const addresses = overview.brokers.map((broker) => `${broker.host}:${broker.port}`);
    expect(addresses).toEqual(target.bootstrapServers.split(","));
    // The local broker sets no broker.rack: the adapter must report null, not undefined or "".
    expect(overview.brokers.every((broker) => broker.rack === null)).toBe(true);
    expect(overview.brokers.find((broker) => broker.isController)?.nodeId).toBe(overview.controllerId);
    expect(overview.offlinePartitionCount).toBe(0);
    // With one broker it leads and hosts every partition.
    const [only] = overview.brokers;
    if (overview.brokers.length === 1)
      expect(only).toMatchObject({ leaderCount: overview.partitionCount, replicaCount: overview.partitionCount });
  });

  it("reports an unreachable cluster as a sentence that names its address", async () => {
    await expect(describeClusterOverview({ id: "nobody-home", bootstrapServers: "127.0.0.1:1" })).rejects.toMatchObject(
      {
        code: "KAFKA_UNREACHABLE",
        message: "Kafka is unreachable at 127.0.0.1:1.",
      },
    );
    await disconnectCluster("nobody-home");
  });
});
