import { SCHEMA_FORMAT_LABELS, type TSchemaVersion } from "~/domain/definitions/definition";

/** The saved versions, newest first; opening one copies it into the editor as the start of the next. */
export function SchemaVersions({
  versions,
  onOpen,
}: {
  versions: TSchemaVersion[];
  onOpen: (version: TSchemaVersion) => void;
}) {
  if (versions.length === 0) {
    return (
      <p className="text-muted text-sm">No schema yet. Write the first version, or import the topic to infer one.</p>
    );
  }
  return (
    <ol className="space-y-2" aria-label="Schema versions" data-testid="schema-versions">
      {[...versions].reverse().map((version) => (
        <li key={version.id} className="border-line rounded-md border px-3 py-2 text-sm" data-testid="schema-version">
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium">Version {version.version}</span>
            <button type="button" className="text-accent text-xs hover:underline" onClick={() => onOpen(version)}>
              Open in editor
            </button>
          </div>
          <p className="text-muted text-xs">
            {SCHEMA_FORMAT_LABELS[version.format]} · schema id {version.id} ·{" "}
            {new Date(version.createdAt).toLocaleString()} by {version.createdBy}
          </p>
        </li>
      ))}
    </ol>
  );
}
