import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './drafts.css';

/** The way back up from a draft's pages: the process, its drafts, the draft. */
export function Breadcrumb({ items }: { items: { to: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('drafts.breadcrumbLabel')} className="cg-draft-breadcrumb">
      <ol>
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

/** The drafts list of a process, narrowed to the draft's group when it has one. */
export function draftsListPath(processId: string, groupId: string | null | undefined): string {
  const path = `/participation/processes/${processId}/drafts`;
  return groupId ? `${path}?groupId=${encodeURIComponent(groupId)}` : path;
}
