import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TRebalanceRecord } from "~/domain/groups/rebalance-record";
import { GroupRestartMarker, RebalanceEntry } from "./rebalance-entry";

const member = (memberId: string, clientId: string, partitions: number[]) => ({
  memberId,
  clientId,
  host: "/127.0.0.1",
  assignment: [{ topic: "orders", partitions }],
});

const joinedRebalance: TRebalanceRecord = {
  id: "7",
  clusterId: "c",
  groupId: "g",
  detectedAt: Date.UTC(2026, 10, 22, 3, 0, 0),
  completedAt: Date.UTC(2026, 10, 22, 3, 0, 3),
  durationMs: 3_200,
  generation: null,
  incarnation: 1,
  stateChanges: [
    { state: "Stable", at: 0 },
    { state: "PreparingRebalance", at: 1 },
    { state: "CompletingRebalance", at: 2 },
    { state: "Stable", at: 3 },
  ],
  joined: [{ memberId: "member-c-0000000001", clientId: "billing-3", host: "/127.0.0.1" }],
  left: [],
  before: [member("member-a-0000000001", "billing-1", [0, 1]), member("member-b-0000000001", "billing-2", [2, 3])],
  after: [
    member("member-a-0000000001", "billing-1", [0, 1]),
    member("member-b-0000000001", "billing-2", [2]),
    member("member-c-0000000001", "billing-3", [3]),
  ],
  moved: [{ topic: "orders", partition: 3, from: "member-b-0000000001", to: "member-c-0000000001" }],
};

const render = (rebalance: TRebalanceRecord) => renderToStaticMarkup(<RebalanceEntry rebalance={rebalance} />);

describe("RebalanceEntry", () => {
  it("shows the duration, the states passed through, the member that joined and one moved partition", () => {
    const html = render(joinedRebalance);
    expect(html).toContain("took 3.2 s");
    expect(html).toContain("Stable → PreparingRebalance → CompletingRebalance → Stable");
    expect(html).toContain("Joined");
    expect(html).toContain("billing-3");
    expect(html).toContain("1 partition moved");
    expect(html.match(/data-moved="true"/g)).toHaveLength(1);
    expect(html.match(/<tr /g)).toHaveLength(4);
  });

  it("shows the generation the rebalance ended in, and says when only its result was seen", () => {
    expect(render({ ...joinedRebalance, generation: 12 })).toContain("→ generation 12");
    expect(render(joinedRebalance)).not.toContain("generation");
    expect(render({ ...joinedRebalance, durationMs: null })).toContain("only its result was seen");
  });

  it("marks a rebalance still under way and does not invent an assignment after it", () => {
    const html = render({
      ...joinedRebalance,
      completedAt: null,
      durationMs: null,
      after: null,
      joined: [],
      moved: [],
    });
    expect(html).toContain("rebalancing");
    expect(html).toContain("in progress");
    expect(html).toContain("partitions not handed out yet");
    expect(html).not.toContain('data-moved="true"');
  });

  it("renders member ids from clients as text, never as markup", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const html = render({ ...joinedRebalance, joined: [{ memberId: hostile, clientId: hostile, host: "h" }] });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
  });

  it("calls a rebalance left open below a newer one unfinished instead of in progress", () => {
    const open = { ...joinedRebalance, completedAt: null, durationMs: null, after: null, moved: [] };
    const html = renderToStaticMarkup(<RebalanceEntry rebalance={open} isUnfinished />);
    expect(html).toContain("end not seen");
    expect(html).toContain("stopped watching before it ended");
    expect(html).not.toContain("in progress");
  });

  it("shows the generation the timeline chose, not a repeated one", () => {
    const html = renderToStaticMarkup(
      <RebalanceEntry rebalance={{ ...joinedRebalance, generation: 4 }} generation={null} />,
    );
    expect(html).not.toContain("generation");
  });
});

describe("GroupRestartMarker", () => {
  it("says the group was deleted and created again, and that generations restart", () => {
    expect(renderToStaticMarkup(<GroupRestartMarker />)).toContain(
      "Group deleted and created again — generations restart",
    );
  });
});
