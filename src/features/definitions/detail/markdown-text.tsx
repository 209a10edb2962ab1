import Markdown, { type Components } from "react-markdown";
import { safeLinkUrl } from "./safe-link";

/**
 * Elements a description may not produce: images load third-party URLs on every view (tracking), and
 * headings would compete with the page's own. Their text stays.
 */
const DISALLOWED = ["img", "h1", "h2"];

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

/**
 * A definition's description as markdown. Raw HTML is dropped (skipHtml: react-markdown never
 * renders it as HTML anyway, this makes it vanish instead of showing as text) and links keep only
 * http(s) targets (safe-link.ts).
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="prose-sm space-y-2 text-sm [&_code]:font-mono [&_code]:text-xs [&_li]:ml-4 [&_ol]:list-decimal [&_ul]:list-disc">
      <Markdown
        skipHtml
        disallowedElements={DISALLOWED}
        unwrapDisallowed
        urlTransform={(url) => safeLinkUrl(url) ?? ""}
        components={COMPONENTS}
      >
        {text}
      </Markdown>
    </div>
  );
}
