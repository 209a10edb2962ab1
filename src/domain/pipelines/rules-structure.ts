/**
 * The rules that need only the document: valid configs, named topics, edges between existing ports,
 * steps between topics, every step wired in and out, and no cycles.
 */
import { validateTopicName } from "~/domain/topics/topic-name";
import { specOf } from "./kinds";
import type { TPipelineProblem } from "./pipeline-dto";
import {
  isStep,
  nodeName,
  nodeNameInline,
  plural,
  portsOf,
  problem,
  topicNameOf,
  type TRuleContext,
} from "./rules-context";

export function configProblems(context: TRuleContext): TPipelineProblem[] {
  const problems: TPipelineProblem[] = [];
  const byName = new Map<string, string[]>();
  for (const node of context.document.nodes) {
    const name = topicNameOf(node);
    if (node.kind === "topic") {
      const nameProblem = name === null ? "Name the topic it stands for" : validateTopicName(name);
      if (nameProblem !== null) {
        problems.push(
          problem("topic-unnamed", "error", { nodeId: node.id }, `${nodeName(node)}: ${sentenceOf(nameProblem)}`),
        );
        continue;
      }
    }
    if (name !== null) byName.set(name, [...(byName.get(name) ?? []), node.id]);
    if (context.configs.has(node.id)) continue;
    const issue = specOf(node.kind).config.safeParse(node.config).error?.issues[0];
    const field = issue && issue.path.length > 0 ? `${fieldPath(issue.path)}: ` : "";
    problems.push(
      problem(
        "invalid-config",
        "error",
        { nodeId: node.id },
        `${nodeName(node)}, ${field}${sentenceOf(issue?.message ?? "the settings are not valid")}`,
      ),
    );
  }
  for (const [name, ids] of byName) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      const others = ids.filter((other) => other !== id).join(", ");
      problems.push(
        problem(
          "topic-duplicate",
          "error",
          { nodeId: id },
          `Topic ${name} is also on node ${others}; keep one node per topic and connect its steps to it.`,
        ),
      );
    }
  }
  return problems;
}

export function edgeProblems(context: TRuleContext): TPipelineProblem[] {
  const problems: TPipelineProblem[] = [];
  for (const edge of context.document.edges) {
    const source = context.nodes.get(edge.source);
    const target = context.nodes.get(edge.target);
    const at = { edgeId: edge.id, nodeId: target?.id ?? source?.id ?? null };
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      problems.push(
        problem(
          "port-unknown",
          "error",
          at,
          `Edge ${edge.id} ends at node ${missing}, which is not in the pipeline; delete the edge.`,
        ),
      );
      continue;
    }
    const sourcePorts = portsOf(context, source);
    if (sourcePorts && !sourcePorts.outputs.includes(edge.sourcePort)) {
      problems.push(
        problem(
          "port-unknown",
          "error",
          at,
          `${nodeName(source)} has no output "${edge.sourcePort}" (it has ${sourcePorts.outputs.join(", ")}); connect the edge to one of those.`,
        ),
      );
    }
    const targetPorts = portsOf(context, target);
    if (targetPorts && !targetPorts.inputs.includes(edge.targetPort)) {
      problems.push(
        problem(
          "port-unknown",
          "error",
          at,
          `${nodeName(target)} has no input "${edge.targetPort}" (it has ${targetPorts.inputs.join(", ")}); connect the edge to one of those.`,
        ),
      );
    }
    if (isStep(source) === isStep(target)) {
      const sentence = isStep(source)
        ? `${nodeName(source)} writes straight into ${nodeNameInline(target)}; put a topic between them, so that each step reads one topic and writes another.`
        : `${nodeName(source)} is connected straight to ${nodeNameInline(target)}; put a step between them (a map step copies records as they are).`;
      problems.push(problem("step-between-topics", "error", at, sentence));
    }
  }
  return problems;
}

/** Each step reads one topic on each input and writes one topic on each output it uses. */
export function wiringProblems(context: TRuleContext): TPipelineProblem[] {
  const problems: TPipelineProblem[] = [];
  for (const node of context.document.nodes) {
    if (!isStep(node)) continue;
    const ports = portsOf(context, node);
    if (!ports) continue;
    const at = { nodeId: node.id };
    const inEdges = context.incoming.get(node.id) ?? [];
    const outEdges = context.outgoing.get(node.id) ?? [];
    for (const port of ports.inputs) {
      const count = inEdges.filter((edge) => edge.targetPort === port).length;
      // Enrich's table port has its own rule (enrich-table), which says what the table must be.
      if (count === 0 && port !== "table") {
        problems.push(
          problem("step-needs-input", "error", at, `${nodeName(node)} has no input; connect the topic it reads to it.`),
        );
      } else if (count > 1) {
        problems.push(
          problem(
            "step-needs-input",
            "error",
            at,
            `${nodeName(node)} reads ${count} topics on its "${port}" input; a step reads one topic there, so remove all but one of those edges.`,
          ),
        );
      }
    }
    const isRoute = node.kind === "route";
    const wired = ports.outputs.filter((port) => outEdges.some((edge) => edge.sourcePort === port));
    if (wired.length === 0) {
      const what = isRoute
        ? "none of its routes is connected; connect at least one route to the topic it writes"
        : "it has no output; connect it to the topic it writes";
      problems.push(problem("step-needs-output", "error", at, `${nodeName(node)} writes nowhere: ${what}.`));
    } else if (!isRoute && wired.length < ports.outputs.length) {
      const missing = ports.outputs.filter((port) => !wired.includes(port)).join(", ");
      problems.push(
        problem(
          "step-needs-output",
          "error",
          at,
          `${nodeName(node)} has no topic on its output ${missing}; connect one.`,
        ),
      );
    }
    for (const port of wired) {
      const count = outEdges.filter((edge) => edge.sourcePort === port).length;
      if (count > 1) {
        problems.push(
          problem(
            "step-needs-output",
            "error",
            at,
            `${nodeName(node)} writes ${plural(count, "topic")} from its "${port}" output; a step writes one topic per output, so remove all but one of those edges.`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Records must flow one way: every node on a cycle (a strongly connected component) is flagged. */
export function cycleProblems(context: TRuleContext): TPipelineProblem[] {
  const problems: TPipelineProblem[] = [];
  for (const component of cyclicComponents(context)) {
    const members = component.join(", ");
    for (const id of component) {
      const node = context.nodes.get(id);
      if (!node) continue;
      problems.push(
        problem(
          "cycle",
          "error",
          { nodeId: id },
          `${nodeName(node)} is on a cycle through ${members}; remove an edge so that records flow one way.`,
        ),
      );
    }
  }
  return problems;
}

/** Tarjan's algorithm, iterative so that a 2,000-node chain cannot overflow the stack. */
function cyclicComponents(context: TRuleContext): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const successors = (id: string) =>
    (context.outgoing.get(id) ?? []).map((edge) => edge.target).filter((target) => context.nodes.has(target));
  let counter = 0;
  for (const root of context.nodes.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = successors(frame.id);
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      const selfLoop = successors(frame.id).includes(frame.id);
      if (component.length > 1 || selfLoop) components.push(component.reverse());
    }
  }
  return components;
}

/** `routes[1].predicate`, as the inspector and the YAML problems name fields. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function sentenceOf(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
