import type { ReactNode } from "react";
import { Banner } from "~/components/ui/banner";
import { Badge } from "~/components/ui/badge";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import { formatCount, pluralize } from "~/lib/format";
import { DeadLetterTable } from "./dead-letter-table";
import { nodeNames, outputCounts, stepErrors } from "./dry-run-summary";

/** Records in, records out per topic, dead letters with their reasons, and what went wrong as sentences. */
export function DryRunResultView({ document, result }: { document: TPipelineDocument; result: TDryRunResult }) {
  const names = nodeNames(document);
  const outputs = outputCounts(document, result);
  const errors = stepErrors(document, result);
  const recordsIn = result.inputs.reduce((sum, input) => sum + input.records, 0);
  return (
    <div className="space-y-3" data-testid="dry-run-result">
      {result.stoppedEarly ? <Banner tone="warn" title={result.stoppedEarly} /> : null}
      {recordsIn === 0 ? (
        <Banner tone="info" title="No records to run.">
          The source topics hold no records in that range. Produce some, or type records instead.
        </Banner>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {result.inputs.map((input) => (
          <Row
            key={`in-${input.topic}`}
            label={`Read from ${input.topic}`}
            value={pluralize(input.records, "record")}
          />
        ))}
        {outputs.map((output) => (
          <Row
            key={`out-${output.topic}`}
            label={
              <>
                Written to {output.topic} {output.isDeadLetter ? <Badge tone="danger">dead letters</Badge> : null}
              </>
            }
            value={pluralize(output.records, "record")}
          />
        ))}
        <Row label="Dead letters" value={formatCount(result.deadLetters.length)} />
        <Row label="Took" value={`${formatCount(Math.round(result.elapsedMs))} ms`} />
      </dl>
      <p className="text-muted text-xs">
        Nothing was written to Kafka. Select a step to see what it made of each record.
      </p>
      {errors.length > 0 ? (
        <Banner tone="danger" title={`${pluralize(errors.length, "step problem")} in this run.`}>
          <ul className="list-disc pl-4">
            {errors.slice(0, 20).map((error, index) => (
              <li key={index}>{error.sentence}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {result.problems.length > 0 ? (
        <Banner tone="warn" title="Some outputs do not fit their topic's value schema.">
          <ul className="list-disc pl-4">
            {result.problems.slice(0, 20).map((problem, index) => (
              <li key={index}>{problem.sentence}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <DeadLetterTable deadLetters={result.deadLetters} names={names} />
    </div>
  );
}

function Row({ label, value }: { label: ReactNode; value: string }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="text-right tabular-nums">{value}</dd>
    </>
  );
}
