"use client";

import { Square } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";

/** "Stop" asks first: every step leaves its group, and records wait in Kafka until Resume. */
export function StopDialog({
  name,
  revision,
  disabled,
  onStop,
}: {
  name: string;
  revision: number;
  disabled: boolean;
  onStop: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button className="h-8" disabled={disabled}>
          <Square aria-hidden className="size-4" />
          Stop
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Stop ${name}?`}
        description={`Every step of revision ${revision} stops and commits where it got to. New records wait in their topics; Resume carries on from there, losing nothing.`}
      >
        <DialogFooter>
          <DialogClose asChild>
            <Button data-autofocus>Keep running</Button>
          </DialogClose>
          <Button
            variant="danger"
            onClick={() => {
              setOpen(false);
              onStop();
            }}
          >
            Stop the pipeline
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
