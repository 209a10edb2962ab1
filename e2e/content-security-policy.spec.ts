import { expect, test } from "@playwright/test";

/** Scripts run only with the per-request nonce; the app must still hydrate with nothing refused. */
test("pages carry a nonce CSP and still hydrate without a CSP violation", async ({ page }) => {
  const violations: string[] = [];
  const scriptErrors: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  const response = await page.goto("/");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  // Hydrated: the theme toggle, a client component, works.
  const toggle = page.getByRole("button", { name: /switch to (dark|light) mode/i });
  const wasDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await toggle.click();
  expect(violations).toEqual([]);
  await expect(page.locator("html")).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  expect(scriptErrors).toEqual([]);
});
