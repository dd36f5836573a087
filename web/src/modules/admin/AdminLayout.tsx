import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { PageHeader } from '../../ui/index.ts';

type AdminLayoutProps = { title: string; description: string; children: ReactNode };

/** Platform administration pages share a heading and a second-level navigation. */
export function AdminLayout({ title, description, children }: AdminLayoutProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  const links = [
    { to: '/admin/organizations', label: t('admin.verificationQueue') },
    { to: '/admin/users', label: t('admin.users') },
    { to: '/admin/audit', label: t('admin.auditLog') },
  ];
  return (
    <>
      <PageHeader title={title} description={description} />
      <nav aria-label={t('shell.administration')} className="cg-subnav">
        <ul className="cg-tablist cg-subnav-list">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} className="cg-tab cg-subnav-link">
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
