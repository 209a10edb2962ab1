import { expect, test } from "@playwright/test";
import { clusterIdFor, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";

const ONE_MEGABYTE = 1024 * 1024;
const IMG = "<img src=x onerror=window.__x=1>";
const SCRIPT = "<script>window.__x=1</script>";

/** Untrusted records, each named by its key so the test can find its row. */
const HOSTILE: {
  name: string;
  key: string | null;
  value: Buffer | string | null;
  headers?: Record<string, string | Buffer>;
}[] = [
  { name: "null key and value", key: null, value: null },
  { name: "invalid UTF-8", key: "invalid-utf8", value: Buffer.from([0x61, 0xc3, 0x28, 0xff, 0xfe, 0x62]) },
  { name: "binary", key: "binary", value: Buffer.from(Array.from({ length: 256 }, (_, index) => index)) },
  { name: "1 MB value", key: "one-megabyte", value: `{"blob":"${"y".repeat(ONE_MEGABYTE - 11)}"}` },
  { name: "JSON array 10,000 deep", key: "deep-array", value: "[".repeat(10_000) + "]".repeat(10_000) },
  { name: "JSON object 10,000 deep", key: "deep-object", value: '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000) },
  {
    name: "prototype pollution",
    key: "proto",
    value: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
  },
  {
    name: "control characters in headers",
    key: "control-headers",
    value: "ok",
    headers: { "x\u0000\u001b[31m\u202e": "\u0007bell\u0000\r\n", [IMG]: Buffer.from([0xff, 0x00]) },
  },
  { name: "HTML in key and value", key: IMG, value: SCRIPT },
  { name: "HTML inside JSON", key: "html-json", value: JSON.stringify({ html: IMG, script: SCRIPT }) },
];

test("renders hostile payloads as text in every decoder, without running or polluting anything", async ({ page }) => {
  test.setTimeout(180_000);
  const topic = uniqueName("e2e-hostile");
  await withOutsideAdmin((admin) =>
    admin.createTopics({
      topics: [
        { topic, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: String(2 * ONE_MEGABYTE) }] },
      ],
      waitForLeaders: true,
    }),
  );
  try {
    await withOutsideProducer(async (producer) => {
      // One request each, so the offsets follow HOSTILE's order.
      for (const record of HOSTILE) {
        await producer.send({ topic, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
      }
    });

    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const clusterId = await clusterIdFor(page);
    await page.goto(
      `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages&mode=browse&start=earliest`,
    );
    const rows = page.getByTestId("message-row");
    await expect(rows).toHaveCount(HOSTILE.length);
    // The HTML is shown as the text it is.
    await expect(page.getByTestId("message-key").getByText(IMG, { exact: true })).toBeVisible();
    await expect(page.getByTestId("message-value").getByText(SCRIPT, { exact: true })).toBeVisible();

    for (const decoder of ["auto", "json", "text", "hex", "base64"]) {
      await page.getByLabel("Decode as").selectOption(decoder);
      for (let index = 0; index < HOSTILE.length; index++) {
        await rows.nth(index).click();
        const detail = page.getByRole("dialog");
        await expect(detail.getByTestId("message-detail")).toBeVisible();
        await expect(detail).toContainText(`offset ${index}`);
        // Cut payloads (the 1 MB value, the 58 KB deep objects) load in full, in every decoder.
        const loadFull = detail.getByRole("button", { name: /^Load full value/ });
        if ((await loadFull.count()) > 0) {
          if (HOSTILE[index]!.key === "one-megabyte") await expect(loadFull).toHaveText("Load full value (1.0 MB)");
          await loadFull.click();
          await expect(loadFull).toHaveCount(0);
          await expect(detail.getByTestId("payload-value")).not.toContainText("shown");
        }
        // Open every collapsed JSON node shown (bounded by the tree's own depth limit).
        const closed = detail.getByTestId("json-tree").getByRole("button", { expanded: false });
        for (let round = 0; round < 3 && (await closed.count()) > 0; round++) await closed.first().click();
        await page.keyboard.press("Escape");
        await expect(detail).toHaveCount(0);
      }
    }

    expect(await page.evaluate(() => typeof (window as unknown as { __x?: unknown }).__x)).toBe("undefined");
    // Checked inside the page: a fresh object literal must not inherit a "polluted" property.
    expect(await page.evaluate(() => typeof ({} as Record<string, unknown>).polluted)).toBe("undefined");
    expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, "polluted"))).toBe(false);
    expect(await page.locator("[data-testid=message-rows] img, [data-testid=message-rows] script").count()).toBe(0);
    expect(dialogs).toEqual([]);

    // Still usable: the deep JSON opens, says where the tree stops, and the page still pages.
    await page.getByLabel("Decode as").selectOption("auto");
    await page.getByTestId("message-key").getByText("deep-object", { exact: true }).click();
    const deepDetail = page.getByRole("dialog");
    // Loaded in full above already; the cached message opens whole.
    await expect(deepDetail.getByTestId("payload-value")).toContainText("JSON · 58.6 KB");
    for (let level = 0; level < 30; level++) {
      const closed = deepDetail.getByTestId("json-tree").getByRole("button", { expanded: false });
      if ((await closed.count()) === 0) break;
      await closed.first().click();
    }
    await expect(deepDetail.getByText(/nested deeper than 24 levels/)).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByLabel("Page size").selectOption("20");
    await expect(rows).toHaveCount(HOSTILE.length);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
