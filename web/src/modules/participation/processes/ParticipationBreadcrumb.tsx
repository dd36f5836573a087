import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './participation.css';

type Crumb = { to: string; label: string };

/** The way back up: Participation, then the process, then whatever sits between. */
export function ParticipationBreadcrumb({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('processes.breadcrumbLabel')} className="cg-proc-breadcrumb">
      <ol>
        <li>
          <Link to="/participation">{t('processes.title')}</Link>
        </li>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>
              <bdi>{item.label}</bdi>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
