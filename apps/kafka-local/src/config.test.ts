import { describe, expect, it } from "vitest";
import {
  allPorts,
  bootstrapServers,
  brokerProperties,
  formatProperties,
  nodePorts,
  quorumVoters,
  securedBootstrapServers,
  securedPorts,
} from "./config";

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

describe("secured listeners", () => {
  it("put every node's SCRAM and TLS ports after all the plain ones, so the plain layout stays as it is", () => {
    expect(securedPorts(9092, 1, 1)).toEqual({ saslPort: 9094, sslPort: 9095 });
    expect(securedPorts(9092, 3, 2)).toEqual({ saslPort: 9100, sslPort: 9101 });
    expect(allPorts(19092, 1, true)).toEqual([19092, 19093, 19094, 19095]);
    expect(allPorts(19092, 3, true)).toHaveLength(12);
    expect(securedBootstrapServers(9092, 3, "sasl")).toBe("127.0.0.1:9098,127.0.0.1:9100,127.0.0.1:9102");
    expect(securedBootstrapServers(9092, 3, "ssl")).toBe("127.0.0.1:9099,127.0.0.1:9101,127.0.0.1:9103");
  });

  it("add a SCRAM listener and a PEM-keyed TLS listener for clients, while brokers and controllers stay plaintext", () => {
    const input = { nodeId: 1, brokers: 1, basePort: 9092, dataDir: "/data" } as const;
    const props = asMap(brokerProperties({ ...input, secured: { keystoreFile: "/data/secured/broker.pem" } }));
    expect(props.get("listeners")).toBe(
      "PLAINTEXT://127.0.0.1:9092,SASL_PLAINTEXT://127.0.0.1:9094,SSL://127.0.0.1:9095,CONTROLLER://127.0.0.1:9093",
    );
    expect(props.get("advertised.listeners")).toBe(
      "PLAINTEXT://127.0.0.1:9092,SASL_PLAINTEXT://127.0.0.1:9094,SSL://127.0.0.1:9095",
    );
    expect(props.get("inter.broker.listener.name")).toBe("PLAINTEXT");
    expect(props.get("listener.security.protocol.map")).toContain("CONTROLLER:PLAINTEXT");
    expect(props.get("listener.name.sasl_plaintext.sasl.enabled.mechanisms")).toBe("SCRAM-SHA-256,SCRAM-SHA-512");
    expect(props.get("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config")).toMatch(
      /ScramLoginModule required;$/,
    );
    expect(props.get("listener.name.ssl.ssl.keystore.type")).toBe("PEM");
    expect(props.get("listener.name.ssl.ssl.keystore.location")).toBe("/data/secured/broker.pem");
    const plain = asMap(brokerProperties(input));
    expect([...plain.keys()].some((key) => key.startsWith("listener.name."))).toBe(false);
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
