"use client";

import { useCallback, useState } from "react";
import { toUserMessage } from "~/lib/error-message";
import type { TApplyRun } from "./apply-run";

type TStepRunRules<TEvent, TRun> = {
  starting: TRun;
  /** The run after one event (pure). */
  onEvent: (run: TRun, event: TEvent) => TRun;
  /** The run as the page shows it once cancelled here: the server's own last event never arrives. */
  onCancel: (run: TRun) => TRun;
  /** When it ends, however it ends: read again what the run changed. */
  onSettle: () => void;
};

/**
 * One run of steps at a time over a subscription (a definitions apply, a pipeline deploy): the
 * caller subscribes with `input` (skipToken while null) and `handlers`. Cancel unsubscribes, which
 * stops the server before its next step.
 */
export function useStepRun<TInput, TEvent extends { kind: string }, TRun extends TApplyRun>(
  rules: TStepRunRules<TEvent, TRun>,
) {
  const [input, setInput] = useState<TInput | null>(null);
  const [run, setRun] = useState<TRun | null>(null);
  const { starting, onEvent, onCancel, onSettle } = rules;

  const settle = () => {
    setInput(null);
    onSettle();
  };

  const handlers = {
    onData: (event: TEvent) => {
      setRun((current) => onEvent(current ?? starting, event));
      if (event.kind === "finished") settle();
    },
    onError: (error: unknown) => {
      setRun((current) => ({ ...(current ?? starting), state: "error", sentence: toUserMessage(error).message }));
      settle();
    },
  };

  const start = useCallback(
    (next: TInput) => {
      setRun(starting);
      setInput(next);
    },
    [starting],
  );

  const cancel = () => {
    setRun((current) => (current ? onCancel(current) : current));
    settle();
  };

  const reset = useCallback(() => setRun(null), []);

  return { input, handlers, run, start, cancel, reset };
}
