"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, type RefObject } from "react";
import type { TPermission } from "~/components/auth/use-me";
import type { TPipelineDetail, TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import { isDeployable } from "~/domain/pipelines/rules";
import { toUserMessage } from "~/lib/error-message";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

/**
 * "Ready to deploy": refused while any rule is broken (the reason is shown beside it). Pending edits
 * are saved first, since the server checks the saved document.
 */
export function ReadyToggle({
  detail,
  problems,
  permission,
  versionRef,
  saveFirst,
  onChanged,
}: {
  detail: TPipelineDetail;
  problems: readonly TPipelineProblem[];
  permission: TPermission;
  versionRef: RefObject<number>;
  saveFirst: () => Promise<boolean>;
  onChanged: (detail: TPipelineDetail) => void;
}) {
  const trpc = useTRPC();
  const reasonId = useId();
  const setStatus = useMutation(trpc.pipelines.setStatus.mutationOptions());
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const isReady = detail.status === "ready";
  const blocked = !isReady && !isDeployable(problems);
  const reason = !permission.allowed
    ? permission.reason
    : blocked
      ? `Fix ${pluralize(errors, "error")} before marking it ready to deploy.`
      : null;
  async function toggle(ready: boolean) {
    if (!(await saveFirst())) return;
    const next = await setStatus
      .mutateAsync({
        clusterId: detail.clusterId,
        pipelineId: detail.id,
        baseVersion: versionRef.current,
        status: ready ? "ready" : "draft",
      })
      .catch(() => null);
    if (next) onChanged(next);
  }
  return (
    <div className="flex flex-col items-end gap-0.5">
      <label className="inline-flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          role="switch"
          className="accent-accent size-4"
          checked={isReady}
          disabled={!permission.allowed || blocked || setStatus.isPending}
          aria-describedby={reason || setStatus.error ? reasonId : undefined}
          onChange={(event) => void toggle(event.target.checked)}
        />
        Ready to deploy
      </label>
      {reason || setStatus.error ? (
        <p id={reasonId} className="text-muted max-w-64 text-right text-xs" data-testid="ready-reason">
          {setStatus.error ? toUserMessage(setStatus.error).message : reason}
        </p>
      ) : null}
    </div>
  );
}
