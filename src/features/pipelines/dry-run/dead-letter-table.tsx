import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import { formatCount } from "~/lib/format";
import { keyText, valueText } from "./record-text";

/** More rows than this make the panel slow to scroll; the rest are counted. */
const MAX_ROWS = 100;

/** Records the steps could not process: which step, why, and the record (message data, as text). */
export function DeadLetterTable({
  deadLetters,
  names,
}: {
  deadLetters: TDryRunResult["deadLetters"];
  names: ReadonlyMap<string, string>;
}) {
  if (deadLetters.length === 0) return null;
  const shown = deadLetters.slice(0, MAX_ROWS);
  return (
    <div className="space-y-1">
      <div className="border-line max-h-80 overflow-auto rounded-md border">
        <table className="w-full text-left text-xs" aria-label="Dead letters">
          <thead className="bg-surface-raised text-muted sticky top-0">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Step
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Reason
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Key
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((letter, index) => (
              <tr key={index} className="border-line border-t align-top" data-testid="dead-letter-row">
                <td className="px-2 py-1.5 whitespace-nowrap">{names.get(letter.nodeId) ?? letter.nodeId}</td>
                <td className="text-danger px-2 py-1.5" data-testid="dead-letter-reason">
                  {letter.reason}
                </td>
                <td className="px-2 py-1.5 font-mono whitespace-nowrap">{keyText(letter.record.key)}</td>
                <td className="px-2 py-1.5 font-mono break-all" data-testid="dead-letter-value">
                  {valueText(letter.record.value, 500)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deadLetters.length > shown.length ? (
        <p className="text-muted text-xs">
          The first {formatCount(shown.length)} of {formatCount(deadLetters.length)} dead letters.
        </p>
      ) : null}
    </div>
  );
}
