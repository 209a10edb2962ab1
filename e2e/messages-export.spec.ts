import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { clusterIdFor, withOutsideProducer, uniqueName, withOutsideAdmin } from "./fixtures";

/** Five records in partition 0, three of them hostile to a spreadsheet or to a text export. */
async function produceSamples(topic: string): Promise<void> {
  return withOutsideProducer(async (producer) => {
    await producer.send({
      topic,
      messages: [
        {
          partition: 0,
          key: "order-1",
          value: JSON.stringify({ status: "paid", amount: 10 }),
          headers: { trace: "t-1" },
        },
        { partition: 0, key: null, value: '=HYPERLINK("http://evil.example","click")' },
        { partition: 0, key: "bin", value: Buffer.from([0xc3, 0x28, 0xff, 0x00]) },
        { partition: 0, key: "order-2", value: 'line one\nline "two", with a comma' },
        { partition: 0, key: "order-3", value: JSON.stringify({ status: "paid", amount: 30 }) },
      ],
    });
  });
}

async function download(page: Page, name: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).first().click()]);
  const path = await file.path();
  return { file, text: await readFile(path, "utf8") };
}

test("exports the browsed page as CSV and the search results as JSON lines", async ({ page }) => {
  const topic = uniqueName("e2e-export");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true }),
  );
  try {
    await produceSamples(topic);
    const clusterId = await clusterIdFor(page);
    const base = `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages`;

    // (1) Search mode: the matches of the same search, one JSON object per line.
    await page.goto(`${base}&mode=search&kind=jsonata&q=${encodeURIComponent('value.status = "paid"')}`);
    const jsonl = await download(page, "JSON lines");
    expect(jsonl.file.suggestedFilename()).toMatch(
      new RegExp(`^${topic.replace(/[.-]/g, "\\$&")}-search-pall-.*\\.jsonl$`),
    );
    const lines = jsonl.text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.offset, line.key])).toEqual([
      ["0", "order-1"],
      ["4", "order-3"],
    ]);
    expect(lines[0]).toMatchObject({
      partition: 0,
      valueEncoding: "utf8",
      value: '{"status":"paid","amount":10}',
      headers: [{ key: "trace", value: "t-1", encoding: "utf8" }],
    });

    // (2) Browse mode: the page from the earliest offset, as CSV that a spreadsheet cannot run.
    await page.goto(`${base}&mode=browse&partition=0&start=earliest&order=oldest&limit=20`);
    await expect(page.getByTestId("message-row")).toHaveCount(5);
    const csv = await download(page, "CSV");
    expect(csv.file.suggestedFilename()).toMatch(/-browse-p0-.*\.csv$/);
    const rows = csv.text.split("\r\n");
    expect(rows[0]).toBe("partition,offset,timestamp,timestamp_type,key,key_encoding,value,value_encoding,headers");
    expect(rows[2]).toMatch(/^0,1,\d+,CreateTime,,,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",utf8,$/);
    expect(rows[3]).toMatch(/^0,2,\d+,CreateTime,bin,utf8,wyj\/AA==,base64,$/);
    expect(rows[4]).toMatch(/^0,3,\d+,CreateTime,order-2,utf8,"line one\nline ""two"", with a comma",utf8,$/);
    expect(rows.filter((row) => row !== "")).toHaveLength(6);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});

test("answers a bad export with a sentence and a status", async ({ page }) => {
  const clusterId = await clusterIdFor(page);
  const response = await page.request.get(
    `/api/clusters/${clusterId}/topics/anything/messages/export?mode=search&kind=jsonata&q=${encodeURIComponent("value.a = (")}`,
  );
  expect(response.status()).toBe(400);
  expect(await response.text()).toMatch(/^The expression has a syntax error at character \d+/);
  const unknown = await page.request.get(`/api/clusters/no-such-cluster/topics/t/messages/export`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toMatch(/^This cluster is not registered in Tributary\./);
});
