import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../lib/dates.tsx';
import { Badge, Button } from '../../../ui/index.ts';
import { useStakeholderKinds } from '../../organizations/reference.ts';
import { isolate } from '../drafts/bidi.ts';
import { WordDiff } from '../drafts/WordDiff.tsx';
import { ContributionKindBadge, DispositionBadge } from './badges.tsx';
import type { Contribution } from './types.ts';

type ContributionItemProps = {
  contribution: Contribution;
  /** The revision on screen: contributions made on another one say which. */
  viewedRevision: number;
  isOnRemovedParagraph?: boolean;
  /** The paragraph's text in the revision on screen, to show what an amendment changes. */
  currentText?: string | undefined;
  /** Chairs apply an amendment to the working copy; absent for everyone else. */
  onApply?: ((contribution: Contribution) => void) | undefined;
  isApplying?: boolean;
};

/** One attributed contribution: who, what kind, when, the text, and what became of it. */
export function ContributionItem({
  contribution,
  viewedRevision,
  isOnRemovedParagraph = false,
  currentText,
  onApply,
  isApplying = false,
}: ContributionItemProps) {
  const { t } = useTranslation();
  const { kindName } = useStakeholderKinds();
  const { organization, disposition } = contribution;
  const isElsewhere = contribution.revisionNumber !== viewedRevision;
  return (
    <li className="cg-contribution">
      <div className="cg-cluster cg-contribution-head">
        <bdi className="cg-contribution-org">{organization.name}</bdi>
        <span className="cg-muted cg-small">{kindName(organization.kind)}</span>
        <ContributionKindBadge kind={contribution.kind} />
        {isOnRemovedParagraph && <Badge tone="warning">{t('consultations.onRemovedParagraph')}</Badge>}
      </div>
      <p className="cg-muted cg-small cg-contribution-meta">
        <span>{t('consultations.byAuthor', { name: isolate(contribution.author.displayName) })}</span>
        <DateTime value={contribution.createdAt} />
        {isElsewhere && (
          <span>
            {contribution.paragraphNumber === null
              ? t('consultations.onRevision', { revision: contribution.revisionNumber })
              : t('consultations.onRevisionParagraph', {
                  revision: contribution.revisionNumber,
                  paragraph: contribution.paragraphNumber,
                })}
          </span>
        )}
      </p>
      {contribution.body && (
        <p className="cg-contribution-body" dir="auto">
          {contribution.body}
        </p>
      )}
      {contribution.proposedText !== null && (
        <div className="cg-amendment">
          <p className="cg-amendment-label">{t('consultations.proposedReplacement')}</p>
          <p className="cg-amendment-text" dir="auto">
            {contribution.proposedText}
          </p>
          {currentText !== undefined && !isElsewhere && currentText !== contribution.proposedText && (
            <details className="cg-amendment-compare">
              <summary>{t('consultations.compareWithParagraph')}</summary>
              <p dir="auto">
                <WordDiff from={currentText} to={contribution.proposedText} />
              </p>
            </details>
          )}
        </div>
      )}
      {disposition && (
        <div className="cg-contribution-disposition">
          <span className="cg-visually-hidden">{t('consultations.dispositionLabel')}</span>
          <DispositionBadge outcome={disposition.outcome} />
          <span dir="auto">{disposition.reason}</span>
          <DateTime value={disposition.decidedAt} isDateOnly />
        </div>
      )}
      {onApply && contribution.proposedText !== null && (
        <div className="cg-cluster">
          <Button size="small" variant="secondary" onClick={() => onApply(contribution)} isBusy={isApplying}>
            {t('consultations.applyToWorkingCopy')}
            <span className="cg-visually-hidden">
              , {t('consultations.amendmentBy', { organization: isolate(organization.name) })}
            </span>
          </Button>
        </div>
      )}
    </li>
  );
}
