import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useAuth } from './auth.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

function BrandMark() {
  return (
    <svg className="cg-brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="12" fill="none" stroke="currentColor" strokeWidth="2.4" />
      <path
        d="M4 16h24M16 4c-4.5 3.6-4.5 20.4 0 24M16 4c4.5 3.6 4.5 20.4 0 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}

export function Header() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navClass = 'cg-nav-link';
  return (
    <header className="cg-header">
      <div className="cg-header-inner">
        <Link to="/" className="cg-brand">
          <BrandMark />
          <span>{t('app.name')}</span>
        </Link>
        <nav className="cg-nav" aria-label={t('shell.mainNavigation')}>
          <ul className="cg-nav-list">
            <li>
              <NavLink to="/" end className={navClass}>
                {t('shell.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/participation" className={navClass}>
                {t('shell.participation')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/contacts" className={navClass}>
                {t('contacts.nav')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/disclose" className={navClass}>
                {t('disclosurePrograms.nav')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/incidents" className={navClass}>
                {t('incidents.nav')}
              </NavLink>
            </li>
            {user && (
              <li>
                <NavLink to="/requests" className={navClass}>
                  {t('assistance.nav')}
                </NavLink>
              </li>
            )}
            {user && (
              <li>
                <NavLink to="/organizations" className={navClass}>
                  {t('shell.organizations')}
                </NavLink>
              </li>
            )}
            {user?.isPlatformAdmin && (
              <li>
                <NavLink to="/admin/organizations" className={navClass}>
                  {t('shell.administration')}
                </NavLink>
              </li>
            )}
            {user?.isPlatformAdmin && (
              <li>
                <NavLink to="/checks" className={navClass}>
                  {t('checks.nav')}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="cg-header-tools">
          <LanguageSwitcher />
          {user ? (
            <>
              <NotificationBell />
              <UserMenu />
            </>
          ) : (
            <NavLink to="/sign-in" className="cg-nav-link">
              {t('shell.signIn')}
            </NavLink>
          )}
        </div>
      </div>
    </header>
  );
}
