import { expect, test, type Page } from "@playwright/test";
import { signedInAs, testBrokers } from "./fixtures";

const saveButton = (page: Page) => page.getByRole("button", { name: "Save address policy" });

async function saveDenyList(page: Page, text: string): Promise<void> {
  await page.goto("/admin/network");
  await page.getByLabel("Deny list").fill(text);
  await saveButton(page).click();
  await expect(page.getByText("Address policy saved")).toBeVisible();
}

test("an admin denies the broker's address on the network page; the cluster page says which rule refused it until it is lifted", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [brokerHost] = testBrokers().split(",")[0]!.split(":");
  await page.goto("/");
  await page.getByRole("link", { name: "Network" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Network" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Always refused" })).toContainText("169.254.169.254/32");

  // A bad line is named as you type, and the list cannot be saved with it.
  await page.getByLabel("Deny list").fill("10.0.0.0/8\n127.0.0.1/8");
  await expect(
    page.getByText("Line 2: 127.0.0.1/8 has bits set past its prefix; did you mean 127.0.0.0/8?"),
  ).toBeVisible();
  await expect(saveButton(page)).toBeDisabled();

  await saveDenyList(page, `${brokerHost}/32`);
  try {
    await page.goto("/");
    await expect(page.getByText(new RegExp(`is in ${brokerHost}/32, on the address policy's deny list`))).toBeVisible({
      timeout: 20_000,
    });
  } finally {
    await saveDenyList(page, "");
  }
  await page.goto("/");
  await expect(page.getByText("live", { exact: true })).toBeVisible({ timeout: 20_000 });
});

test.describe("as a viewer", () => {
  test.use(signedInAs("viewer"));

  test("has no network link, and the page refuses with a sentence", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    await expect(page.getByRole("link", { name: "Network" })).toHaveCount(0);
    await page.goto("/admin/network");
    await expect(page.getByText("Needs the admin role — you are a viewer.")).toBeVisible();
  });
});
