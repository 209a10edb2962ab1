import "server-only";
import type { TPartitionTransactions } from "./partition-transactions";
import type { TPartitionProcessor } from "./step-member-types";

/** What a member holds for one assigned input partition. */
export type TPartitionSlot = {
  processor: TPartitionProcessor;
  /** Exactly-once only: this partition's transactional producer. */
  transactions: TPartitionTransactions | null;
  /**
   * Records below this offset are already written by this member (or committed before it got the
   * partition) and are skipped. After a rebalance kafkajs restarts from the group's committed
   * offset, which can lag what was written: an at-least-once commit refused by the rebalance, or
   * an exactly-once commit whose markers the coordinator is still writing. null: nothing known.
   */
  floor: bigint | null;
};

export type TPartitionSlots = {
  /** The partition's slot, opened once however many batches ask for it at the same time. */
  get(partition: number): Promise<TPartitionSlot>;
  /** After a rebalance: closes the slots of partitions no longer held. */
  retainOnly(partitions: readonly number[]): Promise<void>;
  closeAll(): Promise<void>;
};

export function createPartitionSlots(open: (partition: number) => Promise<TPartitionSlot>): TPartitionSlots {
  const slots = new Map<number, Promise<TPartitionSlot>>();

  async function close(partition: number): Promise<void> {
    const pending = slots.get(partition);
    slots.delete(partition);
    if (!pending) return;
    const slot = await pending.catch(() => null);
    if (!slot) return;
    // The processor drops its state first: nothing may be processed with a producer that is closing.
    // Closing is best effort: a processor or producer that fails to close holds nothing we still need.
    try {
      slot.processor.close();
    } catch {
      // Its state is dropped with the slot either way.
    }
    await slot.transactions?.close().catch(() => undefined);
  }

  return {
    get(partition) {
      let pending = slots.get(partition);
      if (!pending) {
        pending = open(partition);
        slots.set(partition, pending);
        // A failed open is tried again by the next batch (the member usually stops first).
        pending.catch(() => {
          if (slots.get(partition) === pending) slots.delete(partition);
        });
      }
      return pending;
    },
    async retainOnly(partitions) {
      const dropped = [...slots.keys()].filter((partition) => !partitions.includes(partition));
      await Promise.all(dropped.map(close));
    },
    async closeAll() {
      await Promise.all([...slots.keys()].map(close));
    },
  };
}
