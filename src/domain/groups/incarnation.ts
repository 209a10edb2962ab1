import type { TGroupRestart } from "./rebalance-tracker";

/** The incarnation a group's history is in so far: its number and the highest generation stored in it. */
export type TStoredIncarnation = { incarnation: number; lastGeneration: number | null };

/**
 * The incarnation of a rebalance about to be stored. A group deleted and created again with the
 * same id is a new incarnation: its generations restart from the beginning. It is known as such
 * when the group was seen gone, or when the generation it reached went back below the highest of
 * the stored incarnation (for a group that looked new at first sight, back to it is enough: a
 * living group never ends two rebalances in one generation).
 */
export function incarnationOf(
  stored: TStoredIncarnation | null,
  restart: TGroupRestart | undefined,
  generation: number | null,
): number {
  if (!stored) return 1;
  if (restart === "gone") return stored.incarnation + 1;
  const { lastGeneration } = stored;
  const wentBack =
    generation !== null &&
    lastGeneration !== null &&
    (restart === "new" ? generation <= lastGeneration : generation < lastGeneration);
  return wentBack ? stored.incarnation + 1 : stored.incarnation;
}
