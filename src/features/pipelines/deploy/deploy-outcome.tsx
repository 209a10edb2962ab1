import { Banner } from "~/components/ui/banner";
import type { TDeployRun } from "./deploy-run";

/** How a deploy ended: the deployment, or the sentence of what was done and what was not. */
export function DeployOutcome({ run }: { run: TDeployRun }) {
  if (run.state === "running") return null;
  if (run.deployment) {
    return (
      <p className="text-ok text-sm" role="status">
        Revision {run.deployment.revision} is deployed (generation {run.deployment.generation}): runners start its steps
        within a second or two.
      </p>
    );
  }
  const sentence = run.sentence ?? "The deploy could not run.";
  if (run.state === "cancelled") return <Banner tone="info" title={sentence} />;
  return <Banner tone="danger" title={sentence} />;
}
