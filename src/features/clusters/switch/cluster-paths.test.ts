import { describe, expect, it } from "vitest";
import { clusterSection, listPageOn, missingSentence, parseClusterPage, samePageOn } from "./cluster-paths";

describe("the cluster switcher's paths", () => {
  it("keeps a topic page, with a name that needs encoding", () => {
    const page = parseClusterPage("/clusters/a/topics/orders%2Fv1");
    expect(page).toEqual({ kind: "topic", clusterId: "a", topic: "orders/v1" });
    expect(samePageOn(page, "b")).toBe("/clusters/b/topics/orders%2Fv1");
    expect(listPageOn(page, "b")).toBe("/clusters/b/topics");
    expect(missingSentence(page, "staging")).toBe("The topic orders/v1 does not exist on staging.");
  });

  it("keeps a consumer group page, or falls back to the group list", () => {
    const page = parseClusterPage("/clusters/a/groups/billing");
    expect(samePageOn(page, "b")).toBe("/clusters/b/groups/billing");
    expect(listPageOn(page, "b")).toBe("/clusters/b/groups");
    expect(missingSentence(page, "prod")).toBe("The consumer group billing does not exist on prod.");
  });

  it("keeps any other page of a cluster as the same path", () => {
    expect(samePageOn(parseClusterPage("/clusters/a/groups"), "b")).toBe("/clusters/b/groups");
    expect(samePageOn(parseClusterPage("/clusters/a/topics"), "b")).toBe("/clusters/b/topics");
    expect(samePageOn(parseClusterPage("/clusters/a"), "b")).toBe("/clusters/b/topics");
  });

  it("opens the other cluster's pipeline list from a pipeline, which belongs to one cluster", () => {
    expect(samePageOn(parseClusterPage("/clusters/a/pipelines/p1/revisions"), "b")).toBe("/clusters/b/pipelines");
    expect(samePageOn(parseClusterPage("/clusters/a/pipelines"), "b")).toBe("/clusters/b/pipelines");
  });

  it("opens the other cluster's topics from a page of no cluster", () => {
    expect(parseClusterPage("/admin/users")).toEqual({ kind: "none" });
    expect(parseClusterPage("/")).toEqual({ kind: "none" });
    expect(samePageOn(parseClusterPage("/"), "b c")).toBe("/clusters/b%20c/topics");
  });

  it("reads a malformed escape as no cluster page rather than throwing", () => {
    expect(parseClusterPage("/clusters/%E0%A4%A/topics")).toEqual({ kind: "none" });
  });

  it.each([
    ["/clusters/a/topics", "topics"],
    ["/clusters/a/topics/orders", "topics"],
    ["/clusters/a/groups/billing", "groups"],
    ["/clusters/a/definitions", "definitions"],
    ["/clusters/a/definitions/plan", "definitions"],
    ["/clusters/a", null],
    ["/admin/users", null],
  ])("marks %s as the section %s in the navigation", (path, section) => {
    expect(clusterSection(parseClusterPage(path))).toBe(section);
  });
});
