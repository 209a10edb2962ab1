import { AlertTriangle, Info, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "~/lib/cn";
import { toUserMessage } from "~/lib/error-message";

const TONES = {
  info: { className: "border-accent/40 bg-accent-soft text-ink", Icon: Info, iconClass: "text-accent" },
  warn: { className: "border-warn/40 bg-warn-soft text-ink", Icon: AlertTriangle, iconClass: "text-warn" },
  danger: { className: "border-danger/40 bg-danger-soft text-ink", Icon: XCircle, iconClass: "text-danger" },
} as const;

/** A sentence about the state of things, with what to do. Announced to screen readers. */
export function Banner({
  tone,
  title,
  children,
  actions,
}: {
  tone: keyof typeof TONES;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const { className, Icon, iconClass } = TONES[tone];
  return (
    <div
      role={tone === "info" ? "status" : "alert"}
      className={cn("flex items-start gap-3 rounded-lg border px-4 py-3", className)}
    >
      <Icon aria-hidden className={cn("mt-0.5 size-5 shrink-0", iconClass)} />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        {children ? <div className="text-muted mt-0.5 text-sm">{children}</div> : null}
      </div>
      {actions}
    </div>
  );
}

/** The sentence of a failed call and what to do about it, or nothing while there is no failure. */
export function ErrorBanner({ error, actions }: { error: unknown; actions?: ReactNode }) {
  if (!error) return null;
  const { message, hint } = toUserMessage(error);
  return (
    <Banner tone="danger" title={message} actions={actions}>
      {hint}
    </Banner>
  );
}
