import { expect, test } from "@playwright/test";

/** Scripts run only with the per-request nonce; the app must still hydrate with nothing refused. */
test("pages carry a nonce CSP and still hydrate without a CSP violation", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const response = await page.goto("/");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  // Hydrated: the theme toggle, a client component, works.
  const toggle = page.getByRole("button", { name: /switch to (dark|light) mode/i });
  const wasDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await toggle.click();
  expect(problems.filter((text) => /Content.Security.Policy/i.test(text))).toEqual([]);
  await expect(page.locator("html")).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  expect(problems).toEqual([]);
});
