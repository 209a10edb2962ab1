import { createServer, type AddressInfo } from "node:net";
import { allPorts, LOCAL_HOST, type BrokerCount } from "./config";
import { KafkaLocalError } from "./errors";

/** True when nothing listens on host:port (we could bind it ourselves). */
export function isPortFree(port: number, host = LOCAL_HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Fails fast, before any JVM starts, with the first busy port and how to pick other ports. */
export async function assertPortsFree(basePort: number, brokers: BrokerCount, secured = false): Promise<void> {
  for (const port of allPorts(basePort, brokers, secured)) {
    if (!(await isPortFree(port))) {
      throw new KafkaLocalError(
        `Port ${port} is already in use — stop what uses it or run with --base-port ${suggestedBasePort(basePort)}.`,
      );
    }
  }
}

/**
 * A base port whose whole range (2 ports per broker, 4 with the secured listeners) is free, for tests
 * that must not collide with a developer's Kafka. Picked below Linux's ephemeral range (32768+) so
 * outgoing connections cannot take the ports between this check and the broker binding them.
 */
export async function findFreeBasePort(brokers: BrokerCount, { secured = false } = {}): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const basePort = 20_000 + 2 * Math.floor(Math.random() * 6_000);
    const ports = allPorts(basePort, brokers, secured);
    let free = true;
    for (const port of ports) {
      if (!(await isPortFree(port))) {
        free = false;
        break;
      }
    }
    if (free) return basePort;
  }
  throw new KafkaLocalError(
    `Found no ${(secured ? 4 : 2) * brokers} free consecutive ports between 20000 and 32000 on ${LOCAL_HOST}.`,
  );
}

function suggestedBasePort(basePort: number): number {
  return basePort < 19_092 ? 19_092 : basePort + 100;
}

/** A port the system hands out as free right now (it may be taken again before it is used). */
export async function findEphemeralPort(host = LOCAL_HOST): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, host, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
