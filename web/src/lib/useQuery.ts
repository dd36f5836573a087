import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors.ts';

export type QueryState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  reload: () => void;
  setData: (data: T) => void;
};

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'unexpected_error');

/**
 * Loads data for a page. `key` names what is loaded (include every input, e.g. `org:${id}`): a new key
 * reloads, and answers to an older key are dropped so a slow response never overwrites a newer one.
 */
export function useQuery<T>(key: string | null, load: () => Promise<T>): QueryState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [isLoading, setIsLoading] = useState(key !== null);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger; `load` is read through a ref.
  useEffect(() => {
    if (key === null) return;
    let isCurrent = true;
    setIsLoading(true);
    setError(undefined);
    loadRef.current().then(
      (result) => {
        if (!isCurrent) return;
        setData(result);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        setError(asApiError(failure));
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { data, error, isLoading, reload, setData };
}
