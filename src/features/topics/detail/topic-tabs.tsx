"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "~/components/ui/tabs";
import { ConfigsTable } from "./configs-table";
import { DeleteTopicSection } from "./delete-topic-section";
import { KeyCalculator } from "./key-calculator";
import { PartitionsTable } from "./partitions-table";
import { MessagesPanel } from "~/features/messages/messages-panel";
import { PlaygroundPanel } from "~/features/playground/playground-panel";
import { ThroughputPanel } from "../throughput/throughput-panel";
import { parseTopicTab, type TTopicTab } from "./topic-links";

/** The selected tab lives in `?tab=` so a link or a reload opens the same view. */
export function TopicTabs({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const tab = parseTopicTab(searchParams.get("tab"));

  function selectTab(value: string) {
    const next = new URLSearchParams(searchParams.toString());
    next.set("tab", parseTopicTab(value));
    // Next syncs useSearchParams with the native history API, so no server round trip is needed.
    window.history.replaceState(null, "", `${pathname}?${next.toString()}`);
  }

  return (
    <Tabs value={tab} onValueChange={selectTab}>
      <TabsList aria-label="Topic views">
        <TabsTrigger value={"partitions" satisfies TTopicTab}>Partitions</TabsTrigger>
        <TabsTrigger value={"messages" satisfies TTopicTab}>Messages</TabsTrigger>
        <TabsTrigger value={"configs" satisfies TTopicTab}>Configs</TabsTrigger>
        <TabsTrigger value={"keys" satisfies TTopicTab}>Keys → partitions</TabsTrigger>
        <TabsTrigger value={"throughput" satisfies TTopicTab}>Throughput</TabsTrigger>
        <TabsTrigger value={"playground" satisfies TTopicTab}>Playground</TabsTrigger>
      </TabsList>
      <TabsContent value="partitions">
        <PartitionsTable partitions={topic.partitions} />
      </TabsContent>
      <TabsContent value="messages">
        <MessagesPanel clusterId={clusterId} topic={topic} />
      </TabsContent>
      <TabsContent value="configs">
        <div className="space-y-5">
          <ConfigsTable clusterId={clusterId} topicName={topic.name} configs={topic.configs} />
          {/* The topic's settings end with the one that cannot be undone. */}
          <DeleteTopicSection clusterId={clusterId} topic={topic} />
        </div>
      </TabsContent>
      <TabsContent value="keys">
        <KeyCalculator partitionCount={topic.partitions.length} />
      </TabsContent>
      <TabsContent value="throughput">
        <ThroughputPanel clusterId={clusterId} topic={topic} />
      </TabsContent>
      <TabsContent value="playground">
        <PlaygroundPanel clusterId={clusterId} topic={topic} />
      </TabsContent>
    </Tabs>
  );
}
