/**
 * Enrich's tables in the runner: the latest value per key of a compacted topic, read in full when
 * the first step that joins with it opens a partition, then read again every few seconds so that
 * joins see updates. One copy per (cluster, topic), shared by every member of this runner.
 */
import type { TRegisteredCluster } from "~/server/services/clusters/registered-clusters";
import { readEnrichTable } from "~/server/services/pipelines/dry-run/enrich-tables";
import { sentenceOf } from "./sentence-of";

/** How often a table is read again: an update to the table topic shows in joins within this. */
const REFRESH_MS = 5_000;

export type TEnrichTables = {
  /** Reads the table when it is not held yet; later calls share it. Release with `release`. */
  acquire(cluster: TRegisteredCluster, topic: string): Promise<void>;
  release(clusterId: string, topic: string): void;
  /** The table as last read (empty when not acquired). */
  current(clusterId: string, topic: string): ReadonlyMap<string, unknown>;
  close(): void;
};

type TTable = {
  values: ReadonlyMap<string, unknown>;
  users: number;
  first: Promise<void>;
  timer: NodeJS.Timeout | null;
};

const EMPTY: ReadonlyMap<string, unknown> = new Map();

export function enrichTables(log: (line: string) => void): TEnrichTables {
  const tables = new Map<string, TTable>();
  const keyOf = (clusterId: string, topic: string) => `${clusterId}\u0000${topic}`;

  return {
    async acquire(cluster, topic) {
      const key = keyOf(cluster.id, topic);
      let table = tables.get(key);
      if (!table) {
        const created: TTable = { values: EMPTY, users: 0, first: Promise.resolve(), timer: null };
        let failing = false;
        let reading = false;
        const read = async () => {
          // A read slower than REFRESH_MS is not joined by a second one (which could land older values last).
          if (reading) return;
          reading = true;
          try {
            created.values = (await readEnrichTable(cluster, topic)).values;
            failing = false;
          } catch (error) {
            // Joins go on with the last copy; one line when reading starts failing, not every 5 s.
            if (!failing)
              log(`Could not read the enrich table ${topic}: ${sentenceOf(error)} Joins use the last copy.`);
            failing = true;
          } finally {
            reading = false;
          }
        };
        created.first = read();
        created.timer = setInterval(() => void read(), REFRESH_MS);
        tables.set(key, created);
        table = created;
      }
      table.users++;
      await table.first;
    },
    release(clusterId, topic) {
      const key = keyOf(clusterId, topic);
      const table = tables.get(key);
      if (!table || --table.users > 0) return;
      if (table.timer) clearInterval(table.timer);
      tables.delete(key);
    },
    current: (clusterId, topic) => tables.get(keyOf(clusterId, topic))?.values ?? EMPTY,
    close() {
      for (const table of tables.values()) if (table.timer) clearInterval(table.timer);
      tables.clear();
    },
  };
}
