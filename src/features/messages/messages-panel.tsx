"use client";

import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "~/components/ui/tabs";
import { BrowseView } from "./browse/browse-view";
import { parseMessageMode, useMessageParams, type TMessageMode } from "./messages-url";
import { ProduceButton } from "./produce/produce-button";
import { SearchView } from "./search/search-view";
import { TailView } from "./tail/tail-view";

/** A topic's records: browse pages from a position, tail new ones live, or search; and produce. */
export function MessagesPanel({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const { params, update } = useMessageParams();
  const mode = parseMessageMode(params.get("mode"));

  return (
    <Tabs value={mode} onValueChange={(value) => update({ mode: parseMessageMode(value) })}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <TabsList aria-label="Message views">
          <TabsTrigger value={"browse" satisfies TMessageMode}>Browse</TabsTrigger>
          <TabsTrigger value={"tail" satisfies TMessageMode}>Live tail</TabsTrigger>
          <TabsTrigger value={"search" satisfies TMessageMode}>Search</TabsTrigger>
        </TabsList>
        <ProduceButton clusterId={clusterId} topic={topic} />
      </div>
      {/* Only the open view is mounted, so a hidden tail or search holds no stream open. */}
      <TabsContent value="browse">
        {mode === "browse" ? <BrowseView clusterId={clusterId} topic={topic} /> : null}
      </TabsContent>
      <TabsContent value="tail">
        {mode === "tail" ? <TailView clusterId={clusterId} topic={topic} /> : null}
      </TabsContent>
      <TabsContent value="search">
        {mode === "search" ? <SearchView clusterId={clusterId} topic={topic} /> : null}
      </TabsContent>
    </Tabs>
  );
}
