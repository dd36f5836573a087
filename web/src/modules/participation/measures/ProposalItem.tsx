import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../lib/dates.tsx';
import { PlainText } from '../processes/PlainText.tsx';
import { NormBadges, ProposalKindBadge, ProposalStatusBadge } from './badges.tsx';
import { isolate } from './bidi.ts';
import { InLanguage, LocalizedText } from './localized.tsx';
import { measurePath } from './paths.ts';
import type { MeasureSummary, Proposal } from './types.ts';
import './measures.css';

type ProposalItemProps = {
  proposal: Proposal;
  /** The measure an implementation example refers to, when known. */
  measure: MeasureSummary | undefined;
  /** Buttons for the secretariat. */
  actions?: ReactNode;
};

/** One proposal as its organization and the secretariat see it: what it says, and what became of it. */
export function ProposalItem({ proposal, measure, actions }: ProposalItemProps) {
  const { t } = useTranslation();
  return (
    <li className="cg-card cg-cbm-proposal">
      <div className="cg-cbm-proposal-head">
        <div className="cg-cluster">
          <ProposalKindBadge kind={proposal.kind} />
          <ProposalStatusBadge status={proposal.status} />
        </div>
        <InLanguage as="h3" language={proposal.language} className="cg-cbm-proposal-title" isLanguageMarked>
          {proposal.title}
        </InLanguage>
        <p className="cg-muted cg-small">
          {t('measures.proposals.submittedBy', { name: isolate(proposal.organization.name) })}{' '}
          <DateTime value={proposal.createdAt} />
        </p>
      </div>
      {proposal.measureId && (
        <p className="cg-small">
          {t('measures.proposals.forMeasure')}{' '}
          <Link to={measurePath(proposal.measureId)}>
            {measure ? <LocalizedText texts={measure.title} /> : proposal.measureId}
          </Link>
        </p>
      )}
      <div lang={proposal.language}>
        <PlainText text={proposal.body} />
      </div>
      {proposal.norms.length > 0 && <NormBadges codes={proposal.norms} />}
      {proposal.url && (
        <p className="cg-small">
          <span className="cg-muted">{t('measures.proposals.url')}</span>{' '}
          <a href={proposal.url} rel="external noreferrer" className="cg-ltr cg-break">
            {proposal.url}
          </a>
        </p>
      )}
      {proposal.status !== 'submitted' && (
        <div className={`cg-cbm-decision cg-cbm-decision-${proposal.status}`}>
          <p className="cg-small">
            <strong>
              {proposal.status === 'accepted'
                ? t('measures.proposals.acceptedOn')
                : t('measures.proposals.rejectedOn')}
            </strong>{' '}
            <DateTime value={proposal.decidedAt} />
          </p>
          {proposal.moderationNote && (
            <p dir="auto" className="cg-cbm-decision-note">
              {proposal.moderationNote}
            </p>
          )}
        </div>
      )}
      {actions && <div className="cg-cluster">{actions}</div>}
    </li>
  );
}
