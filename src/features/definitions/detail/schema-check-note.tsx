import { CheckCircle2, Loader2, XCircle } from "lucide-react";
import type { TSchemaCheck } from "~/domain/definitions/definition-dto";
import { toUserMessage } from "~/lib/error-message";

type SchemaCheckNoteProps = {
  check: TSchemaCheck | undefined;
  error: unknown;
  isChecking: boolean;
  compatibility: string;
};

/** What the server says about the schema being typed: whether it compiles, and whether the mode accepts it. */
export function SchemaCheckNote({ check, error, isChecking, compatibility }: SchemaCheckNoteProps) {
  const row = "flex items-start gap-2 text-sm";
  if (error) {
    return (
      <p className={row} role="status">
        <XCircle aria-hidden className="text-danger mt-0.5 size-4 shrink-0" />
        Could not check the schema: {toUserMessage(error).message}
      </p>
    );
  }
  if (!check) {
    return isChecking ? (
      <p className={row} role="status">
        <Loader2 aria-hidden className="text-muted mt-0.5 size-4 shrink-0 animate-spin" />
        Checking…
      </p>
    ) : null;
  }
  return (
    <div className="space-y-1" role="status" data-testid="schema-check">
      {check.compileError ? (
        <p className={row}>
          <XCircle aria-hidden className="text-danger mt-0.5 size-4 shrink-0" />
          <span>Does not compile: {check.compileError}</span>
        </p>
      ) : check.compatibility.ok ? (
        <p className={row}>
          <CheckCircle2 aria-hidden className="text-ok mt-0.5 size-4 shrink-0" />
          {check.previousVersion === null
            ? "Compiles. This will be the first version."
            : `Compiles, and is ${compatibility}-compatible with version ${check.previousVersion}.`}
        </p>
      ) : (
        <div className={row}>
          <XCircle aria-hidden className="text-danger mt-0.5 size-4 shrink-0" />
          <div>
            <p>
              Not {compatibility}-compatible with version {check.previousVersion}:
            </p>
            <ul className="list-disc pl-4">
              {check.compatibility.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {isChecking ? <p className="text-muted text-xs">Checking the latest change…</p> : null}
    </div>
  );
}
