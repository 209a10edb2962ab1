import type { TConnectionTestResult } from "~/domain/cluster-settings";
import { Banner } from "~/components/ui/banner";

/** What the last connection test found, or its sentence for why it failed. */
export function ConnectionTestResult({ result, isStale }: { result: TConnectionTestResult; isStale: boolean }) {
  if (isStale) {
    return (
      <Banner tone="warn" title="The connection settings changed since the last test.">
        Test the connection again before saving.
      </Banner>
    );
  }
  if (!result.ok) {
    return (
      <Banner tone="danger" title={result.message}>
        {result.hint}
      </Banner>
    );
  }
  const brokers = result.brokerCount === 1 ? "1 broker" : `${result.brokerCount} brokers`;
  const controller = result.controllerId === null ? "no active controller" : `controller broker ${result.controllerId}`;
  return (
    <Banner tone="info" title={`Connected: found ${brokers}, ${controller}.`}>
      {result.clusterId ? (
        <>
          Kafka cluster id <span className="font-mono">{result.clusterId}</span>.{" "}
        </>
      ) : null}
      The settings can be saved.
    </Banner>
  );
}
