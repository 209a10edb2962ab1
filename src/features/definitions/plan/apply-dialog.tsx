"use client";

import { Play } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import type { TPermission } from "~/components/auth/use-me";
import { pluralize } from "~/lib/format";

type ApplyDialogProps = { stepCount: number; isDisabled: boolean; permission: TPermission; onApply: () => void };

/** "Apply" with a confirm that says how many changes Kafka is about to get. */
export function ApplyDialog({ stepCount, isDisabled, permission, onApply }: ApplyDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary" disabled={isDisabled || !permission.allowed} title={permission.reason}>
          <Play aria-hidden className="size-4" />
          Apply
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Apply ${pluralize(stepCount, "change")} to Kafka?`}
        description="The plan is computed again on the server and run step by step; it stops at the first error. Each step writes an audit record."
      >
        <DialogFooter>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button
            variant="primary"
            data-autofocus
            onClick={() => {
              setOpen(false);
              onApply();
            }}
          >
            Apply {pluralize(stepCount, "change")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
