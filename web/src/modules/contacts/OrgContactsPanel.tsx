import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, Badge, ButtonLink, Card, EmptyState, Spinner } from '../../ui/index.ts';
import { canManageContactsOf, isCommunityMember } from './access.ts';
import { FreshnessBadge, HolderLeftBadge } from './ContactDetails.tsx';
import { usePocCodes } from './codes.ts';
import { contactsApi } from './contactsApi.ts';
import { contactPath, editContactPath, nominatePath } from './paths.ts';
import './contacts.css';

type OrgContactsPanelProps = {
  organizationId: string;
  /** Heading level of the panel's title, so the page's outline stays in order. */
  headingLevel?: 2 | 3;
};

/**
 * "Points of contact" for an organization's page: its entries, and "Nominate" for its admins and the
 * secretariat. Shows nothing to those outside the verified community, who cannot read the directory.
 */
export function OrgContactsPanel({ organizationId, headingLevel = 2 }: OrgContactsPanelProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { messageOf } = useErrorMessages();
  const { roleLabel } = usePocCodes();
  // Members of an organization not yet verified still see their own organization's entries.
  const isCommunity =
    isCommunityMember(user) ||
    (user?.memberships.some((entry) => entry.organizationId === organizationId) ?? false);
  const canManage = canManageContactsOf(user, organizationId);
  const entries = useQuery(isCommunity ? `contacts:org:${organizationId}` : null, () =>
    contactsApi.list({ orgId: organizationId, limit: 100 }),
  );
  if (!isCommunity) return null;
  const items = entries.data?.items ?? [];

  return (
    <Card
      title={t('contacts.org.title')}
      headingLevel={headingLevel}
      description={t('contacts.org.description')}
      actions={
        canManage ? (
          <ButtonLink to={nominatePath(organizationId)}>{t('contacts.nominate')}</ButtonLink>
        ) : undefined
      }
    >
      {entries.error && <Alert tone="danger">{messageOf(entries.error)}</Alert>}
      {entries.isLoading && !entries.data ? (
        <Spinner label={t('common.loading')} isLabelVisible />
      ) : items.length === 0 && !entries.error ? (
        <EmptyState title={t('contacts.org.empty')}>
          {canManage ? t('contacts.org.emptyHint') : undefined}
        </EmptyState>
      ) : (
        <ul className="cg-poc-org-list">
          {items.map((entry) => (
            <li key={entry.id} className="cg-poc-org-item">
              <div>
                <Link to={contactPath(entry.id)}>
                  <bdi>{entry.name}</bdi>
                </Link>
                <div className="cg-small cg-muted">
                  <a href={`mailto:${entry.channels.email}`} dir="ltr">
                    {entry.channels.email}
                  </a>
                </div>
              </div>
              <div className="cg-cluster">
                <Badge>{roleLabel(entry.role)}</Badge>
                <FreshnessBadge freshness={entry.freshness} />
                <HolderLeftBadge isHolderCurrent={entry.isHolderCurrent} />
                {canManage && (
                  <Link to={editContactPath(entry.id)}>
                    {t('common.edit')}
                    <span className="cg-visually-hidden"> {entry.name}</span>
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
