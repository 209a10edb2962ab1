"use client";

import { parseDecoder, type TDecoder } from "~/domain/messages/decoders";
import { useLocalSetting } from "./use-local-setting";

/** The decoder chosen for one topic of one cluster, remembered in this browser. */
export function useTopicDecoder(clusterId: string, topic: string): [TDecoder, (decoder: TDecoder) => void] {
  const [value, set] = useLocalSetting(`tributary.decoder.${clusterId}.${topic}`);
  return [parseDecoder(value), set];
}

export type TTimeZone = "local" | "utc";

/** Whether message timestamps show in the browser's time zone or in UTC; one choice for all topics. */
export function useMessageTimeZone(): [TTimeZone, (zone: TTimeZone) => void] {
  const [value, set] = useLocalSetting("tributary.messages.timeZone");
  return [value === "utc" ? "utc" : "local", set];
}
