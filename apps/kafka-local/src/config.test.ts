import { describe, expect, it } from "vitest";
import { allPorts, bootstrapServers, brokerProperties, formatProperties, nodePorts, quorumVoters } from "./config";

const asMap = (entries: Array<[string, string]>) => new Map(entries);

describe("ports", () => {
  it("gives node i the client port basePort + 2*(i-1) and the controller port right after it", () => {
    expect(nodePorts(9092, 1)).toEqual({ nodeId: 1, clientPort: 9092, controllerPort: 9093 });
    expect(nodePorts(9092, 3)).toEqual({ nodeId: 3, clientPort: 9096, controllerPort: 9097 });
    expect(allPorts(19092, 3)).toEqual([19092, 19093, 19094, 19095, 19096, 19097]);
  });

  it("lists every client listener in the bootstrap address", () => {
    expect(bootstrapServers(9092, 1)).toBe("127.0.0.1:9092");
    expect(bootstrapServers(9092, 3)).toBe("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
  });

  it("makes every node a voter on its controller port", () => {
    expect(quorumVoters(9092, 3)).toBe("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097");
  });
});

describe("brokerProperties", () => {
  it("configures one combined node with replication factor 1 for internal topics", () => {
    const props = asMap(brokerProperties({ nodeId: 1, brokers: 1, basePort: 9092, dataDir: "/data" }));
    expect(props.get("process.roles")).toBe("broker,controller");
    expect(props.get("node.id")).toBe("1");
    expect(props.get("controller.quorum.voters")).toBe("1@127.0.0.1:9093");
    expect(props.get("listeners")).toBe("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    expect(props.get("advertised.listeners")).toBe("PLAINTEXT://127.0.0.1:9092");
    expect(props.get("log.dirs")).toBe("/data/node-1");
    expect(props.get("offsets.topic.replication.factor")).toBe("1");
    expect(props.get("transaction.state.log.replication.factor")).toBe("1");
    expect(props.get("transaction.state.log.min.isr")).toBe("1");
    expect(props.get("share.coordinator.state.topic.replication.factor")).toBe("1");
    expect(props.get("auto.create.topics.enable")).toBe("false");
    expect(props.get("group.initial.rebalance.delay.ms")).toBe("0");
    expect(props.get("num.partitions")).toBe("1");
  });

  it("replicates internal topics 3 ways with min ISR 2 on three nodes, but leaves user topics at 1", () => {
    const props = asMap(brokerProperties({ nodeId: 2, brokers: 3, basePort: 9092, dataDir: "/data" }));
    expect(props.get("node.id")).toBe("2");
    expect(props.get("listeners")).toBe("PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095");
    expect(props.get("controller.quorum.voters")).toBe("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097");
    expect(props.get("log.dirs")).toBe("/data/node-2");
    expect(props.get("offsets.topic.replication.factor")).toBe("3");
    expect(props.get("transaction.state.log.min.isr")).toBe("2");
    expect(props.get("share.coordinator.state.topic.min.isr")).toBe("2");
    expect(props.get("default.replication.factor")).toBe("1");
  });
});

describe("formatProperties", () => {
  it("writes key=value lines and escapes backslashes, which .properties treats as escapes", () => {
    const text = formatProperties([
      ["node.id", "1"],
      ["log.dirs", "C:\\kafka\\node-1"],
    ]);
    expect(text.split("\n").slice(1)).toEqual(["node.id=1", "log.dirs=C:\\\\kafka\\\\node-1", ""]);
  });
});
