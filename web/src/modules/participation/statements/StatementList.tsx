import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../lib/dates.tsx';
import { Badge } from '../../../ui/index.ts';
import { StatementStatusBadge, useLanguageNames } from './labels.tsx';
import { contributorPath, meetingPath, statementPath } from './paths.ts';
import type { StatementSummary } from './types.ts';
import './statements.css';

type StatementListProps = {
  statements: StatementSummary[];
  /** The level of each entry's title, so the page's outline stays in order. */
  headingLevel: 2 | 3;
  /** The contributor page is about one organization already: no need to repeat it on every entry. */
  isOrganizationShown?: boolean;
  /** Moderators and the submitting organization also see entries that are not published. */
  isStatusShown?: boolean;
};

/** Written contributions as a list of entries: title, attribution, where it was delivered, an excerpt. */
export function StatementList({
  statements,
  headingLevel,
  isOrganizationShown = true,
  isStatusShown = false,
}: StatementListProps) {
  const { t } = useTranslation();
  const languageName = useLanguageNames();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="cg-stmt-list">
      {statements.map((statement) => (
        <li key={statement.id} className="cg-stmt-entry">
          <Heading className="cg-stmt-entry-title">
            <Link to={statementPath(statement.id)} dir="auto">
              {statement.title}
            </Link>
          </Heading>
          <div className="cg-stmt-byline">
            {isOrganizationShown && (
              <Link to={contributorPath(statement.organization.id)} className="cg-stmt-org" dir="auto">
                {statement.organization.name}
              </Link>
            )}
            <Badge tone="info">{t(`statements.kinds.${statement.kind}`)}</Badge>
            {isStatusShown && <StatementStatusBadge status={statement.status} />}
            <span className="cg-muted">{languageName(statement.language)}</span>
            {statement.format === 'pdf' && <span className="cg-muted">{t('statements.pdfShort')}</span>}
            <span className="cg-muted">
              <DateTime value={statement.publishedAt ?? statement.createdAt} isDateOnly />
            </span>
          </div>
          <DeliveredAt statement={statement} />
          {statement.excerpt && (
            <p className="cg-stmt-excerpt" dir="auto">
              {statement.excerpt}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The meeting and agenda item a contribution was delivered at, linked when the meeting is on the platform. */
export function DeliveredAt({
  statement,
}: {
  statement: Pick<StatementSummary, 'meetingId' | 'meetingLabel' | 'agendaItem'>;
}) {
  const { t } = useTranslation();
  if (!statement.meetingLabel && !statement.agendaItem) return null;
  return (
    <dl className="cg-stmt-delivered">
      {statement.meetingLabel && (
        <div>
          <dt>{t('statements.fields.meeting')}</dt>
          <dd>
            {statement.meetingId ? (
              <Link to={meetingPath(statement.meetingId)} dir="auto">
                {statement.meetingLabel}
              </Link>
            ) : (
              <bdi>{statement.meetingLabel}</bdi>
            )}
          </dd>
        </div>
      )}
      {statement.agendaItem && (
        <div>
          <dt>{t('statements.fields.agendaItem')}</dt>
          <dd>
            <bdi>{statement.agendaItem}</bdi>
          </dd>
        </div>
      )}
    </dl>
  );
}
