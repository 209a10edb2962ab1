import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConformanceExamples } from "./conformance-examples";
import { MarkdownText } from "./markdown-text";

const render = (text: string) => renderToStaticMarkup(<MarkdownText text={text} />);

describe("a definition's description", () => {
  it("renders markdown: emphasis, lists, code", () => {
    const html = render("Readings **as sent**:\n\n- one per `server-<n>-<metric>`");
    expect(html).toContain("<strong>as sent</strong>");
    expect(html).toContain("<li>");
    expect(html).toContain("<code>server-&lt;n&gt;-&lt;metric&gt;</code>");
  });

  it("drops raw HTML instead of rendering it", () => {
    const html = render('Hello <script>alert(1)</script><img src=x onerror="alert(2)"> world');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror");
  });

  it("links only to http(s), in a new tab without the opener", () => {
    const html = render("[docs](https://kafka.apache.org/) and [click](javascript:alert(1)) and [delete](/api/trpc/x)");
    expect(html).toContain('href="https://kafka.apache.org/"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("/api/trpc/x");
    expect(html).toContain("<span>click</span>");
  });

  it("shows an image's alt text, never loads it", () => {
    const html = render("![a tracking pixel](https://tracker.example/p.gif)");
    expect(html).not.toContain("tracker.example");
  });
});

describe("non-conforming examples", () => {
  it("show a hostile value preview as text", () => {
    const html = renderToStaticMarkup(
      <ConformanceExamples
        examples={[
          {
            partition: 0,
            offset: "42",
            path: "/value",
            rule: "maximum",
            message: "must be <= 50",
            valuePreview: '{"value":"<img src=x onerror=alert(1)>"}',
          },
        ]}
      />,
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("maximum");
  });
});
