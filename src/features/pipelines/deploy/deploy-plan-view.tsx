import { Badge } from "~/components/ui/badge";
import type { TDeployGroupPlan, TDeployPlan } from "~/domain/pipelines/runtime/runtime-dto";
import { pluralize } from "~/lib/format";
import { stepsOf } from "../../definitions/plan/apply-run";
import { PlanRefusals, PlanStepList } from "../../definitions/plan/plan-steps";

/** Why the deploy cannot happen, each a sentence; nothing else matters until they are fixed. */
function DeployRefusals({ refusals }: { refusals: string[] }) {
  if (refusals.length === 0) return null;
  return (
    <section aria-labelledby="deploy-refusals" className="space-y-2">
      <h3 id="deploy-refusals" className="text-danger text-sm font-semibold">
        Cannot deploy yet
      </h3>
      <ul className="space-y-2">
        {refusals.map((sentence) => (
          <li
            key={sentence}
            className="border-danger/40 bg-danger-soft rounded-md border px-3 py-2 text-sm"
            data-testid="deploy-refusal"
          >
            {sentence}
          </li>
        ))}
      </ul>
    </section>
  );
}

function GroupPlan({ group }: { group: TDeployGroupPlan }) {
  return (
    <li className="border-line space-y-1 rounded-md border px-3 py-2" data-testid="deploy-group">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs break-all">{group.groupId}</span>
        <Badge tone={group.restarts ? "accent" : "neutral"}>{group.restarts ? "starts" : "keeps running"}</Badge>
        <Badge tone={group.exists ? "ok" : "neutral"}>{group.exists ? "existing group" : "new group"}</Badge>
      </div>
      <p className="text-muted text-xs">
        Step {group.nodeId} reads {group.inputTopic ?? "no topic"}
        {group.changelogTopic ? `; its per-key state lives in ${group.changelogTopic}` : ""}.
      </p>
      {group.partitions.length > 0 ? (
        <ul className="text-sm" aria-label={`Where ${group.groupId} starts`}>
          {group.partitions.map((partition) => (
            <li key={partition.partition}>
              <span className="text-muted">Partition {partition.partition}:</span> {partition.startsAt}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The plan of a deploy as a person reads it: refusals, topics, consumer groups, steps that stop. */
export function DeployPlanView({ plan }: { plan: TDeployPlan }) {
  const steps = stepsOf(plan.topics);
  return (
    <div className="space-y-5">
      <DeployRefusals refusals={plan.refusals} />
      <section aria-labelledby="deploy-topics" className="space-y-2">
        <h3 id="deploy-topics" className="text-sm font-semibold">
          Topics
        </h3>
        {steps.length > 0 ? (
          <PlanStepList steps={steps} label="Topic changes" />
        ) : (
          <p className="text-muted text-sm">Every topic the pipeline uses exists as its definition says.</p>
        )}
        <PlanRefusals refusals={plan.topics.refusals} />
      </section>
      <section aria-labelledby="deploy-groups" className="space-y-2">
        <h3 id="deploy-groups" className="text-sm font-semibold">
          Consumer groups ({pluralize(plan.groups.length, "step")})
        </h3>
        <ul className="space-y-2">
          {plan.groups.map((group) => (
            <GroupPlan key={group.nodeId} group={group} />
          ))}
        </ul>
      </section>
      {plan.removedSteps.length > 0 ? (
        <p className="text-sm">
          Stops {plan.removedSteps.join(", ")}: removed from the pipeline. Their groups keep their committed offsets in
          Kafka.
        </p>
      ) : null}
    </div>
  );
}
