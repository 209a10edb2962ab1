"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult, TPipelineFacts, TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import { checkPipeline } from "~/domain/pipelines/rules";
import { useTRPC } from "~/trpc/react";
import { namedTopics } from "./named-topics";
import { sameStructure } from "./same-structure";

const NO_FACTS: TPipelineFacts = { topics: {} };

/**
 * The rules on the document as it is edited: the facts of the topics it names (read again when the
 * set of names changes; the rules skip fact-based checks while they load), plus the output-schema
 * misfits the last dry run found.
 */
export function usePipelineProblems(clusterId: string, document: TPipelineDocument, run: TDryRunResult | null) {
  const trpc = useTRPC();
  const topics = useMemo(() => namedTopics(document), [document]);
  const facts = useQuery({
    ...trpc.pipelines.facts.queryOptions({ clusterId, topics }),
    placeholderData: keepPreviousData,
  });
  // A drag changes only positions: the structure (and so the rules' answer) stays, and keeping the
  // same document here keeps the memo below from checking the pipeline on every frame.
  const [structure, setStructure] = useState(document);
  if (!sameStructure(structure, document)) setStructure(document);
  const problems = useMemo((): TPipelineProblem[] => {
    const found = checkPipeline(structure, facts.data ?? NO_FACTS);
    return run ? [...found, ...run.problems] : found;
  }, [structure, facts.data, run]);
  return { problems, facts };
}
