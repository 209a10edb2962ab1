import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { oidcEnvironment, startOidcTestProvider, type TOidcTestProvider } from "../test/oidc-provider";
import { e2eAccount } from "./paths";
import { findEphemeralPort } from "../apps/kafka-local/src/ports";

/**
 * Single sign-on in Chromium against a real OpenID Connect provider that this spec starts. The
 * suite's own server runs without single sign-on (as most installs do), so the spec starts a second
 * Tributary from the same build, on the same database and Kafka, configured with the provider.
 */

const PROVIDER_NAME = "Test IdP";
let oidc: TOidcTestProvider;
let server: ChildProcess;
let baseURL: string;
let serverLog = "";

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await findEphemeralPort();
  baseURL = `http://127.0.0.1:${port}`;
  oidc = await startOidcTestProvider(baseURL);
  server = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, ...oidcEnvironment(oidc), OIDC_NAME: PROVIDER_NAME, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  await expect
    .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => null))?.status, {
      message: "the second Tributary answers /api/health",
      timeout: 90_000,
    })
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await oidc?.stop();
});

test("an invited person signs in with the provider's button, from the keyboard, as their own account", async ({
  page,
}) => {
  const viewer = e2eAccount("viewer");
  oidc.addPerson({ email: viewer.email, emailVerified: true, name: "Viewer at the provider" });
  oidc.signInAs(viewer.email);
  await page.goto(`${baseURL}/sign-in`);
  const button = page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${baseURL}/`);
  // The account the invite made, with its name and role: linked, not a second account.
  await expect(page.getByTestId("signed-in-user")).toHaveText(/E2E viewer\s*· viewer/);
  expect(serverLog).not.toContain(oidc.clientSecret);
});

test("a refusal at the provider brings the person back to the sign-in page with a sentence", async ({ page }) => {
  const email = `declines-${Date.now()}@e2e.tributary.test`;
  oidc.addPerson({ email, emailVerified: true, name: "Declines", denies: true });
  oidc.signInAs(email);
  await page.goto(`${baseURL}/sign-in`);
  await page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=access_denied/);
  await expect(
    page.getByText(
      `Signing in at ${PROVIDER_NAME} was cancelled or refused. Try again, or sign in with your password.`,
    ),
  ).toBeVisible();
  // The password form is still there for another try.
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("the password form beside the button still signs in", async ({ page }) => {
  const operator = e2eAccount("operator");
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(/E2E operator\s*· operator/);
});
