"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "~/lib/cn";

/** The root: controls open state. Radix traps focus inside the panel and closes on Escape. */
export const Dialog = RadixDialog.Root;
/** Wrap the button that opens the dialog (use `asChild`). Focus returns to it on close. */
export const DialogTrigger = RadixDialog.Trigger;
/** Wrap any element that should close the dialog (use `asChild`). */
export const DialogClose = RadixDialog.Close;

type DialogContentProps = {
  title: ReactNode;
  /** One sentence under the title; also read by screen readers when the dialog opens. */
  description?: ReactNode;
  children: ReactNode;
  /** Tailwind max-width class for the panel; defaults to max-w-lg. */
  className?: string;
  /**
   * Radix focuses the first tabbable element, or the element marked `data-autofocus` when there is
   * one; pass a handler to choose otherwise.
   */
  onOpenAutoFocus?: (event: Event) => void;
};

/** A centred panel over a dimmed page, with a title, an optional description and a close button. */
export function DialogContent({ title, description, children, className, onOpenAutoFocus }: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40 backdrop-blur-[1px] dark:bg-black/60" />
      <RadixDialog.Content
        onOpenAutoFocus={onOpenAutoFocus ?? focusMarkedElement}
        // Without a description Radix warns unless aria-describedby is explicitly undefined.
        {...(description ? {} : { "aria-describedby": undefined })}
        className={cn(
          "border-line bg-surface text-ink fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border shadow-xl focus:outline-none",
          className,
        )}
      >
        <header className="border-line flex items-start justify-between gap-4 border-b px-5 py-4">
          <div className="min-w-0">
            <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="text-muted mt-0.5 text-sm">{description}</RadixDialog.Description>
            ) : null}
          </div>
          <RadixDialog.Close
            aria-label="Close"
            className="text-muted hover:bg-surface-raised hover:text-ink -mt-1 -mr-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md"
          >
            <X aria-hidden className="size-4" />
          </RadixDialog.Close>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

function focusMarkedElement(event: Event) {
  const marked =
    event.target instanceof HTMLElement ? event.target.querySelector<HTMLElement>("[data-autofocus]") : null;
  if (marked === null) return;
  event.preventDefault();
  marked.focus();
}

/** A row of actions at the bottom of a dialog's body, right-aligned. */
export function DialogFooter({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("mt-5 flex items-center justify-end gap-2", className)}>{children}</div>;
}
