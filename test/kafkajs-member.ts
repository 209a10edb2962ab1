import kafkajs, { type Consumer } from "kafkajs";

/**
 * A real kafkajs member of `groupId` reading `topic`, as an application would run one; resolves
 * once it has joined, with its member id. Short fetch waits, because kafkajs heartbeats (and so
 * learns of a rebalance) only between fetches. Disconnect it when done.
 */
export async function startKafkajsMember(options: {
  brokers: string[];
  groupId: string;
  topic: string;
  clientId: string;
  /** false: reads but never commits, so a lag the test set up stays put. */
  autoCommit?: boolean;
}): Promise<{ consumer: Consumer; memberId: string }> {
  const { brokers, groupId, topic, clientId, autoCommit = true } = options;
  const consumer = new kafkajs.Kafka({ clientId, brokers, logLevel: kafkajs.logLevel.NOTHING }).consumer({
    groupId,
    sessionTimeout: 10_000,
    rebalanceTimeout: 10_000,
    heartbeatInterval: 300,
    maxWaitTimeInMs: 500,
  });
  const joined = new Promise<string>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, (event) => resolve(event.payload.memberId));
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommit, eachMessage: async () => undefined });
  return { consumer, memberId: await joined };
}
