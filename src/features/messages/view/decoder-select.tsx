"use client";

import { useId } from "react";
import { Select } from "~/components/ui/input";
import { DECODERS, DECODER_LABELS, parseDecoder } from "~/domain/messages/decoders";
import { useTopicDecoder } from "./use-topic-decoder";

/** Picks how this topic's keys, values and headers are decoded; remembered per topic. */
export function DecoderSelect({ clusterId, topic }: { clusterId: string; topic: string }) {
  const [decoder, setDecoder] = useTopicDecoder(clusterId, topic);
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Decode as
      </label>
      <Select
        id={id}
        value={decoder}
        onChange={(event) => setDecoder(parseDecoder(event.target.value))}
        className="w-36"
        data-testid="decoder-select"
      >
        {DECODERS.map((option) => (
          <option key={option} value={option}>
            {DECODER_LABELS[option]}
          </option>
        ))}
      </Select>
    </div>
  );
}
