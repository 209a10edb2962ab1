import { readFile } from "node:fs/promises";
import { expect, test as setup, type Browser, type Page } from "@playwright/test";
import { trpcMutation } from "./fixtures";
import { e2eAccount, SERVER_LOG, storageStatePath, type TE2eRole } from "./paths";

/** The link the server printed at boot, as a person would copy it from the terminal. */
async function printedSetupPath(): Promise<string> {
  let path: string | undefined;
  await expect
    .poll(
      async () => {
        const log = await readFile(SERVER_LOG, "utf8").catch(() => "");
        path = /Finish setup: https?:\/\/[^/\s]+(\/setup\?token=[\w-]+)/.exec(log)?.[1];
        return path;
      },
      {
        message: `the server prints "Finish setup: …" in ${SERVER_LOG} (an e2e run needs a database without accounts)`,
      },
    )
    .toBeTruthy();
  return path!;
}

async function fillAccountForm(page: Page, role: TE2eRole, withEmail: boolean) {
  const account = e2eAccount(role);
  await page.getByLabel("Your name").fill(account.name);
  if (withEmail) await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
}

setup("the first admin finishes setup from the printed link", async ({ page }) => {
  await page.goto(await printedSetupPath());
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();
  await fillAccountForm(page, "admin", true);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(/E2E admin\s*· admin/);
  await page.context().storageState({ path: storageStatePath("admin") });
});

async function joinByInvite(browser: Browser, admin: Page, role: TE2eRole) {
  const response = await trpcMutation(admin, "admin.users.invite", { email: e2eAccount(role).email, role });
  expect(response.ok()).toBe(true);
  const invite = ((await response.json()) as { result: { data: { json: { path: string } } } }).result.data.json;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(invite.path);
  await expect(page.getByText(`You are invited as ${role === "operator" ? "an" : "a"} ${role}.`)).toBeVisible();
  await fillAccountForm(page, role, false);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(new RegExp(`E2E ${role}\\s*· ${role}`));
  await context.storageState({ path: storageStatePath(role) });
  await context.close();
}

setup.describe(() => {
  setup.use({ storageState: storageStatePath("admin") });
  setup("the admin invites an operator and a viewer, who join through their links", async ({ browser, page }) => {
    await page.goto("/");
    await joinByInvite(browser, page, "operator");
    await joinByInvite(browser, page, "viewer");
  });
});
