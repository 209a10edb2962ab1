import { describe, expect, it } from "vitest";
import { liveStatus } from "./live-status";
import { overlay, runner } from "./test-overlay";

describe("liveStatus", () => {
  it("says which revision is live", () => {
    expect(liveStatus(overlay(), 3)).toEqual({ tone: "ok", title: "Live: revision 3", notes: [] });
    expect(liveStatus(null, 3)).toBeNull();
  });

  it("says so when the open document is another revision than the deployed one", () => {
    expect(liveStatus(overlay(), 5)?.notes).toEqual(["Showing live data of revision 3; you are editing revision 5."]);
    expect(liveStatus(overlay(), 5)?.tone).toBe("ok");
  });

  it("warns when no runner runs and names the gone ones", () => {
    const status = liveStatus(overlay({ runners: [runner("r1", "box", 11, { gone: true })] }), 3);
    expect(status?.tone).toBe("warn");
    expect(status?.notes).toEqual([
      "No runner is running, so no step processes records. Start one with npm run runner.",
      "1 runner stopped sending heartbeats: box.",
    ]);
  });

  it("reads as stopped when the deployment is stopped", () => {
    const base = overlay();
    const stopped = liveStatus(
      overlay({ deployment: { ...base.deployment!, desiredState: "stopped" }, runners: [] }),
      3,
    );
    expect(stopped).toEqual({ tone: "muted", title: "Stopped at revision 3", notes: [] });
  });
});
