import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth.tsx';
import { useToast } from './toasts.tsx';

/** A disclosure (not an ARIA menu): a button that shows a short list of links; Escape or a click outside closes it. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const location = useLocation();
  const [isOpen, setIsOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every navigation is the point.
  useEffect(() => setIsOpen(false), [location.pathname]);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [isOpen]);

  if (!user) return null;

  const onSignOut = async () => {
    setIsOpen(false);
    try {
      await signOut();
      toast(t('auth.signedOut'));
    } catch {
      toast(t('errors.network_error'), 'danger');
    }
    navigate('/sign-in');
  };

  return (
    <div className="cg-user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="cg-user-menu-button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="cg-visually-hidden">{t('shell.accountMenu')}</span>
        <span>{user.displayName}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <ul id={listId} className="cg-user-menu-list" hidden={!isOpen}>
        <li className="cg-user-menu-email">{user.email}</li>
        <li>
          <Link className="cg-user-menu-item" to="/profile">
            {t('shell.profile')}
          </Link>
        </li>
        <li>
          <button type="button" className="cg-user-menu-item" onClick={() => void onSignOut()}>
            {t('shell.signOut')}
          </button>
        </li>
      </ul>
    </div>
  );
}
