"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "~/components/ui/dialog";
import { topicHref } from "../list/topic-name-link";
import { CreateTopicForm } from "./create-topic-form";

/** The "Create topic" button and its dialog; on success it goes to the new topic's page. */
export function CreateTopicDialog({ clusterId }: { clusterId: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const permission = useMe().can("admin");
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button variant="primary" disabled={!permission.allowed} title={permission.reason}>
          <Plus aria-hidden className="size-4" />
          Create topic
        </Button>
      </DialogTrigger>
      <RoleNote permission={permission} />
      <DialogContent
        title="Create topic"
        description="Checked as you type with the same rules the server applies, then by the broker before it is created."
        className="max-w-2xl"
      >
        {/* Mounted only while open, so each opening starts from an empty form. */}
        <CreateTopicForm
          clusterId={clusterId}
          onCreated={(name) => {
            setIsOpen(false);
            router.push(topicHref(clusterId, name));
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
