"use client";

import Link from "next/link";
import type { TProduceResult } from "~/domain/messages/produce-request";
import { Banner } from "~/components/ui/banner";
import { pluralize } from "~/lib/format";
import { browseAtHref } from "./browse-at-href";

type ProduceResultProps = {
  clusterId: string;
  topic: string;
  result: TProduceResult;
  /** Called when a "show" link is followed (the dialog closes so the messages are in view). */
  onShow?: () => void;
};

/** Where the messages landed, each placement a link to browse from its first offset. */
export function ProduceResult({ clusterId, topic, result, onShow }: ProduceResultProps) {
  return (
    <>
      {result.warning ? (
        <Banner tone="warn" title="The value breaks the topic's schema.">
          {result.warning}
        </Banner>
      ) : null}
      <Banner tone="info" title={`Sent ${pluralize(result.count, "message")} to ${topic}.`}>
        <ul className="mt-1 space-y-0.5" aria-label="Where the messages landed">
          {result.placements.map((placement) => (
            <li key={placement.partition} className="tabular-nums">
              Partition {placement.partition},{" "}
              {placement.firstOffset === placement.lastOffset
                ? `offset ${placement.firstOffset}`
                : `offsets ${placement.firstOffset}–${placement.lastOffset}`}{" "}
              ·{" "}
              <Link
                className="text-accent underline-offset-2 hover:underline"
                href={browseAtHref(clusterId, topic, placement)}
                onClick={onShow}
              >
                show
              </Link>
            </li>
          ))}
        </ul>
      </Banner>
    </>
  );
}
