import type { TGroupMember, TGroupPartitionLag } from "~/domain/groups/group-dto";
import { LagCount, TimeLag } from "../list/group-lag-cells";

const CELL = "px-3 py-2 first:pl-5 last:pr-5";
const NUMBER_CELL = `${CELL} text-right tabular-nums`;
const INT64_FORMAT = new Intl.NumberFormat("en-US");

function offset(value: string | null, reason: string) {
  if (value === null) {
    return (
      <span className="text-muted" title={reason}>
        —
      </span>
    );
  }
  return INT64_FORMAT.format(BigInt(value));
}

/** Per partition: committed offset, log-end offset, lag in messages and in time, and who reads it. */
export function PartitionLagTable({
  partitions,
  members,
}: {
  partitions: TGroupPartitionLag[];
  members: TGroupMember[];
}) {
  const clientOf = new Map(members.map((member) => [member.memberId, member.clientId]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Lag per partition">
        <thead className="text-muted text-left text-xs uppercase">
          <tr>
            <th scope="col" className={`${CELL} font-medium`}>
              Topic
            </th>
            <th scope="col" className={`${CELL} text-right font-medium`}>
              Partition
            </th>
            <th scope="col" className={`${CELL} text-right font-medium`}>
              Committed
            </th>
            <th scope="col" className={`${CELL} text-right font-medium`}>
              Log end
            </th>
            <th scope="col" className={`${CELL} text-right font-medium`}>
              Lag
            </th>
            <th scope="col" className={`${CELL} text-right font-medium`}>
              Time lag
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Member
            </th>
          </tr>
        </thead>
        <tbody>
          {partitions.map((row) => (
            <tr key={`${row.topic}-${row.partition}`} className="border-line border-t" data-testid="partition-lag">
              <th scope="row" className={`${CELL} text-left font-normal break-all`}>
                {row.topic}
              </th>
              <td className={NUMBER_CELL}>{row.partition}</td>
              <td className={NUMBER_CELL}>
                {offset(row.committedOffset, "No offset committed for this partition yet")}
              </td>
              <td className={NUMBER_CELL}>{offset(row.logEndOffset, "The partition's leader did not answer")}</td>
              <td className={NUMBER_CELL} data-column="lag">
                <LagCount lag={row.lag} unknownReason="Needs both a committed and a log-end offset" />
              </td>
              <td className={NUMBER_CELL}>
                <TimeLag timeLagMs={row.timeLagMs} lag={row.lag} />
              </td>
              <td className={`${CELL} text-muted`}>
                {row.memberId === null ? "—" : (clientOf.get(row.memberId) ?? "—")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
