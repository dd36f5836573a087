import { useState } from 'react';
import type { ApiError } from '../api/errors.ts';
import { useAction } from './useAction.ts';

export type ConfirmedAction<T, R> = {
  /** What the open dialog asks about; the dialog is open while this is set. */
  target: T | undefined;
  ask: (target: T) => void;
  /** Runs the action on the target; on success closes the dialog and resolves to the target and the result. */
  confirm: () => Promise<{ target: T; result: R } | undefined>;
  /** Cancels: forgets the target and any error from an earlier attempt. */
  close: () => void;
  isBusy: boolean;
  error: ApiError | undefined;
};

/** An action that first asks for confirmation (revoke, remove, disable), with its busy and error state. */
export function useConfirmedAction<T, R>(action: (target: T) => Promise<R>): ConfirmedAction<T, R> {
  const [target, setTarget] = useState<T>();
  const { run, isBusy, error, reset } = useAction(action);

  const confirm = async () => {
    if (target === undefined) return undefined;
    const result = await run(target);
    if (result === undefined) return undefined;
    setTarget(undefined);
    return { target, result };
  };
  const close = () => {
    reset();
    setTarget(undefined);
  };
  return { target, ask: setTarget, confirm, close, isBusy, error };
}
