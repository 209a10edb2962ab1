import "server-only";
import type { Admin } from "kafkajs";
import { kafkaFor, type ClusterTarget } from "../client-registry";
import { toKafkaAppError } from "../kafka-errors";

/**
 * An admin client per cluster used only for reading groups. kafkajs's admin remembers every topic
 * any call ever named (its metadata "target topics") and asks for all of them again in
 * `listGroups`; once one of them is deleted, every ListGroups on the shared admin fails with
 * UNKNOWN_TOPIC_OR_PARTITION. Group reads never name topics, so their own admin stays healthy.
 * Kept on `globalThis` so that Next's dev reloads reuse it.
 */

type Entry = { bootstrapServers: string; admin: Promise<Admin> };

const registryKey = Symbol.for("tributary.kafka.group-admins");
type GlobalWithAdmins = typeof globalThis & { [registryKey]?: Map<string, Entry> };
const admins = ((globalThis as GlobalWithAdmins)[registryKey] ??= new Map<string, Entry>());

function entryFor(target: ClusterTarget): Entry {
  const existing = admins.get(target.id);
  if (existing && existing.bootstrapServers === target.bootstrapServers) return existing;
  if (existing) void existing.admin.then((admin) => admin.disconnect()).catch(() => undefined);
  const admin = kafkaFor(target).admin();
  const entry: Entry = { bootstrapServers: target.bootstrapServers, admin: admin.connect().then(() => admin) };
  admins.set(target.id, entry);
  return entry;
}

/** Runs `work` with this cluster's group-reading admin. Errors arrive as AppErrors. */
export async function withGroupAdmin<T>(target: ClusterTarget, work: (admin: Admin) => Promise<T>): Promise<T> {
  const entry = entryFor(target);
  try {
    return await work(await entry.admin);
  } catch (error) {
    const appError = toKafkaAppError(error, target.bootstrapServers);
    // A failed connection is rebuilt from scratch next time rather than trusted to heal.
    if (appError.code === "KAFKA_UNREACHABLE" && admins.get(target.id) === entry) {
      admins.delete(target.id);
      entry.admin.then((admin) => admin.disconnect()).catch(() => undefined);
    }
    throw appError;
  }
}

export async function disconnectGroupAdmins(): Promise<void> {
  const entries = [...admins.values()];
  admins.clear();
  await Promise.allSettled(entries.map(async (entry) => (await entry.admin).disconnect()));
}
