import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/errors.ts';

export type ActionState<A extends unknown[], R> = {
  run: (...args: A) => Promise<R | undefined>;
  isBusy: boolean;
  error: ApiError | undefined;
  reset: () => void;
};

/**
 * Runs a write (a form submit, a button) and keeps its busy and error state. `run` resolves to undefined
 * on failure, so callers continue only on success; the error is shown by the form.
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): ActionState<A, R> {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(async (...args: A) => {
    setIsBusy(true);
    setError(undefined);
    try {
      return await actionRef.current(...args);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, 'unexpected_error'));
      return undefined;
    } finally {
      setIsBusy(false);
    }
  }, []);

  const reset = useCallback(() => setError(undefined), []);
  return { run, isBusy, error, reset };
}
