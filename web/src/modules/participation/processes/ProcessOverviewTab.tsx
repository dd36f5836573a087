import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../api/types.ts';
import { useDateFormatters } from '../../../lib/dates.tsx';
import { ButtonLink, Card } from '../../../ui/index.ts';
import { StandingCard } from '../accreditation/StandingCard.tsx';
import { PlainText } from './PlainText.tsx';
import { draftsPath, processPath } from './paths.ts';
import type { Process } from './types.ts';
import './participation.css';

type ProcessOverviewTabProps = { process: Process; user: Me | null };

/** How to take part in this process, where the viewer's organizations stand, and the drafts. */
export function ProcessOverviewTab({ process, user }: ProcessOverviewTabProps) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormatters();
  return (
    <div className="cg-proc-overview">
      <Card title={t('processes.modalitiesTitle')} className="cg-proc-overview-main">
        <PlainText text={process.modalities} />
        <p className="cg-muted cg-small cg-proc-updated">
          {t('processes.updatedOn', { date: formatDate(process.updatedAt) })}
        </p>
      </Card>
      <div className="cg-stack cg-proc-overview-side">
        <StandingCard process={process} user={user} />
        <Card title={t('processes.draftsTitle')}>
          <p>{t('processes.draftsText')}</p>
          <ButtonLink to={draftsPath(process.id)} variant="secondary">
            {t('processes.draftsLink')}
          </ButtonLink>
        </Card>
        <Card title={t('processes.atAGlance')}>
          <dl className="cg-details-list">
            <dt>{t('processes.accreditedCount')}</dt>
            <dd>
              <Link to={processPath(process.id, 'accredited')}>{process.accreditedCount}</Link>
            </dd>
            <dt>{t('processes.groupCount')}</dt>
            <dd>
              <Link to={processPath(process.id, 'groups')}>{process.groupCount}</Link>
            </dd>
          </dl>
        </Card>
      </div>
    </div>
  );
}
