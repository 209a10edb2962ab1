"use client";

import { Skull, LogOut } from "lucide-react";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import type { TPlaygroundMember, TPlaygroundMemberStatus } from "~/domain/playground/playground-dto";

const CELL = "px-3 py-2 first:pl-5 last:pr-5 align-top";

const STATUS_TONES: Record<TPlaygroundMemberStatus, BadgeTone> = {
  starting: "accent",
  joined: "ok",
  leaving: "accent",
  left: "neutral",
  killed: "danger",
  crashed: "danger",
};

type MembersTableProps = {
  members: TPlaygroundMember[];
  /** Kafka's member ids in the group right now; null while unknown. */
  groupMemberIds: ReadonlySet<string> | null;
  /** The member a remove or kill is running for (its buttons wait). */
  busyMemberNumber: number | null;
  onRemove: (memberNumber: number) => void;
  onKill: (memberNumber: number) => void;
};

function partitionsText(member: TPlaygroundMember): string {
  return member.assignment
    .filter(({ partitions }) => partitions.length > 0)
    .map(({ partitions }) => partitions.join(", "))
    .join("; ");
}

/** What Kafka makes of a member whose process is gone. */
function endedNote(member: TPlaygroundMember, groupMemberIds: ReadonlySet<string> | null): string | null {
  if (member.status === "crashed") return member.problem;
  if (member.status !== "killed" || member.memberId === null || groupMemberIds === null) return null;
  return groupMemberIds.has(member.memberId)
    ? "Still in the group: Kafka waits for its session timeout."
    : "Kafka dropped it after its session timeout.";
}

function PartitionsCell({ member }: { member: TPlaygroundMember }) {
  if (member.status === "starting") return <span className="text-muted">joining…</span>;
  if (member.status !== "joined" && member.status !== "leaving") return <span className="text-muted">—</span>;
  const text = partitionsText(member);
  return text === "" ? <Badge tone="warn">idle</Badge> : <span className="font-mono text-xs">{text}</span>;
}

/** The demo members: number, status, process, Kafka member id, partitions, and remove / kill. */
export function PlaygroundMembersTable({
  members,
  groupMemberIds,
  busyMemberNumber,
  onRemove,
  onKill,
}: MembersTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Demo members">
        <thead className="text-muted text-left text-xs uppercase">
          <tr>
            <th scope="col" className={`${CELL} font-medium`}>
              Member
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Status
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Member id
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Partitions
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const isRunning = member.status === "starting" || member.status === "joined";
            const isBusy = busyMemberNumber === member.number;
            const note = endedNote(member, groupMemberIds);
            return (
              <tr
                key={member.number}
                className="border-line border-t"
                data-testid="playground-member"
                data-status={member.status}
              >
                <th scope="row" className={`${CELL} text-left font-normal whitespace-nowrap`}>
                  <span className="font-medium">Member {member.number}</span>
                  <span className="text-muted block font-mono text-xs">
                    {member.clientId}
                    {member.pid === null ? null : ` · pid ${member.pid}`}
                  </span>
                </th>
                <td className={CELL}>
                  <Badge tone={STATUS_TONES[member.status]}>{member.status}</Badge>
                  {note ? <p className="text-muted mt-1 max-w-56 text-xs">{note}</p> : null}
                </td>
                <td className={`${CELL} font-mono text-xs break-all`}>{member.memberId ?? "—"}</td>
                <td className={CELL}>
                  <PartitionsCell member={member} />
                </td>
                <td className={`${CELL} text-right`}>
                  {isRunning ? (
                    <div className="flex flex-wrap justify-end gap-2">
                      <Button
                        onClick={() => onRemove(member.number)}
                        disabled={isBusy}
                        aria-label={`Remove member ${member.number} (leave the group)`}
                        className="h-auto py-1.5 text-left"
                      >
                        <LogOut aria-hidden className="size-4 shrink-0" />
                        <span>
                          Remove <span className="text-muted font-normal">(leave the group)</span>
                        </span>
                      </Button>
                      <Button
                        onClick={() => onKill(member.number)}
                        disabled={isBusy}
                        aria-label={`Kill member ${member.number} (no goodbye — the group waits for the session timeout)`}
                        className="text-danger h-auto max-w-80 py-1.5 text-left"
                      >
                        <Skull aria-hidden className="size-4 shrink-0" />
                        <span>
                          Kill{" "}
                          <span className="text-muted font-normal">
                            (no goodbye — the group waits for the session timeout)
                          </span>
                        </span>
                      </Button>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
