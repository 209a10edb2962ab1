import type { TDefinitionDetail } from "~/domain/definitions/definition-dto";

// The type comes through the DTO: the schemas folder holds code-generating libraries the browser must not load.
type TConformanceExample = NonNullable<TDefinitionDetail["conformance"]>["examples"][number];

/**
 * A few values that break the schema, with where (path), which rule, and the sentence. The value
 * preview is message data — attacker-controlled — so it is rendered as text only.
 */
export function ConformanceExamples({ examples }: { examples: TConformanceExample[] }) {
  if (examples.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">Values that do not match</h3>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="conformance-examples">
          <thead className="text-muted text-left text-xs">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Partition
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Offset
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Path
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Rule
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Why
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {examples.map((example) => (
              <tr
                key={`${example.partition}:${example.offset}`}
                className="border-line border-t align-top"
                data-testid="conformance-example"
              >
                <td className="py-2 pr-3 tabular-nums">{example.partition}</td>
                <td className="px-3 py-2 font-mono tabular-nums">{example.offset}</td>
                <td className="px-3 py-2 font-mono text-xs">{example.path || "(the value)"}</td>
                <td className="px-3 py-2 font-mono text-xs">{example.rule}</td>
                <td className="px-3 py-2">{example.message}</td>
                <td className="px-3 py-2">
                  <code
                    className="bg-surface-raised block max-w-md truncate rounded px-1.5 py-0.5 font-mono text-xs"
                    title={example.valuePreview}
                  >
                    {example.valuePreview}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
