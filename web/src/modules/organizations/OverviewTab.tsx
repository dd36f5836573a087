import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, VerificationStatus } from '../../api/types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { DateTime, useDateFormatters } from '../../lib/dates.tsx';
import { Button, Card } from '../../ui/index.ts';
import { OrgContactsPanel } from '../contacts/OrgContactsPanel.tsx';
import { VerificationBadge } from './badges.tsx';
import { OrganizationEditForm } from './OrganizationEditForm.tsx';
import { useCountries, useStakeholderKinds } from './reference.ts';
import { VerificationDialog } from './VerificationDialog.tsx';

type OverviewTabProps = {
  organization: Organization;
  canManage: boolean;
  onChanged: (organization: Organization) => void;
};

export function OverviewTab({ organization, canManage, onChanged }: OverviewTabProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { countryName } = useCountries();
  const { kindName } = useStakeholderKinds();
  const { formatDateTime } = useDateFormatters();
  const [isEditing, setIsEditing] = useState(false);
  const [verificationTarget, setVerificationTarget] = useState<VerificationStatus>();

  return (
    <div className="cg-stack">
      <Card
        title={t('organizations.detailsTitle')}
        actions={
          canManage &&
          !isEditing && (
            <Button variant="secondary" size="small" onClick={() => setIsEditing(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      >
        {isEditing ? (
          <OrganizationEditForm
            organization={organization}
            onSaved={(updated) => {
              onChanged(updated);
              setIsEditing(false);
            }}
            onCancel={() => setIsEditing(false)}
          />
        ) : (
          <dl className="cg-details-list">
            <dt>{t('fields.kind')}</dt>
            <dd>{kindName(organization.kind)}</dd>
            <dt>{t('fields.country')}</dt>
            <dd>{countryName(organization.countryCode) || '—'}</dd>
            <dt>{t('fields.website')}</dt>
            <dd className="cg-ltr">
              {organization.website ? (
                <a href={organization.website} rel="noopener noreferrer" target="_blank">
                  {organization.website}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('fields.description')}</dt>
            <dd>{organization.description || '—'}</dd>
            <dt>{t('organizations.memberCount')}</dt>
            <dd>{organization.memberCount}</dd>
            <dt>{t('fields.createdAt')}</dt>
            <dd>
              <DateTime value={organization.createdAt} />
            </dd>
          </dl>
        )}
      </Card>
      <Card title={t('organizations.verificationTitle')}>
        <div className="cg-stack">
          <div className="cg-cluster">
            <VerificationBadge status={organization.verificationStatus} />
            {organization.verifiedAt && (
              <span className="cg-muted">
                {t('organizations.verifiedOn', { date: formatDateTime(organization.verifiedAt) })}
              </span>
            )}
          </div>
          <p className="cg-muted">
            {t(`organizations.verificationExplained.${organization.verificationStatus}`)}
          </p>
          {user.isPlatformAdmin && (
            <div className="cg-cluster">
              {organization.verificationStatus !== 'verified' && (
                <Button onClick={() => setVerificationTarget('verified')}>
                  {t('verification.verifyAction')}
                </Button>
              )}
              {organization.verificationStatus !== 'rejected' && (
                <Button variant="danger" onClick={() => setVerificationTarget('rejected')}>
                  {t('verification.rejectAction')}
                </Button>
              )}
              {organization.verificationStatus !== 'unverified' && (
                <Button variant="secondary" onClick={() => setVerificationTarget('unverified')}>
                  {t('verification.resetAction')}
                </Button>
              )}
            </div>
          )}
        </div>
      </Card>
      <OrgContactsPanel organizationId={organization.id} />
      <VerificationDialog
        organization={organization}
        targetStatus={verificationTarget}
        onClose={() => setVerificationTarget(undefined)}
        onDone={(updated) => {
          setVerificationTarget(undefined);
          onChanged(updated);
        }}
      />
    </div>
  );
}
