import { useEffect, useState } from 'react';
import { useFragmentToken } from '../../lib/fragment.ts';

const STORAGE_KEY = 'commonground.pendingInvitation';

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The invitation token from the link's fragment. It is kept for this tab only, so a visitor who must
 * sign in first comes back to the same invitation; `forget` drops it once accepted.
 */
export function useInvitationToken(): { token: string | null; forget: () => void } {
  const fromLink = useFragmentToken();
  const [token] = useState(() => fromLink ?? readStored());

  useEffect(() => {
    if (!fromLink) return;
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromLink);
    } catch {
      // Without storage the visitor may need to open the link again after signing in.
    }
  }, [fromLink]);

  const forget = () => {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored.
    }
  };
  return { token, forget };
}
