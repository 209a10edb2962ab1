import { describe, expect, it } from "vitest";
import { hasRole } from "./permissions";

describe("hasRole", () => {
  it("lets a stronger role do what a weaker one may, and never the reverse", () => {
    expect(hasRole("admin", "viewer")).toBe(true);
    expect(hasRole("operator", "operator")).toBe(true);
    expect(hasRole("viewer", "operator")).toBe(false);
    expect(hasRole("operator", "admin")).toBe(false);
  });
});
