import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../lib/dates.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { Alert, Button, Card, ConfirmDialog, TextArea } from '../../../ui/index.ts';
import { ChoiceGroup } from '../shared/ChoiceGroup.tsx';
import { requestPublication, requestReview, reviewAdvisory } from './advisoriesApi.ts';
import { useAdvisoryErrorMessage } from './errors.ts';
import { latestRevision, nextStepOf } from './format.ts';
import { ReviewStatusBadge, useAdvisoryLabels } from './labels.tsx';
import type { Advisory, AdvisoryCase, ReviewDecision } from './types.ts';
import { CsafFindings } from './ValidationPanel.tsx';
import { ZonedDateTime } from './ZonedDateTime.tsx';

type Embargo = NonNullable<AdvisoryCase['embargo']>;

type NextStepCardProps = {
  advisory: Advisory;
  /** The case's embargo when one holds (any state but exited), to say when publication will happen. */
  embargo: Embargo | null;
  onChanged: (advisory: Advisory) => void;
  onStartRevision: () => void;
};

/**
 * Where the advisory stands and the one thing to do next: ask for review, review it (never one's own
 * revision), publish it, or wait for the embargo to exit. For the case's coordinators only.
 */
export function NextStepCard({ advisory, embargo, onChanged, onStartRevision }: NextStepCardProps) {
  const { t } = useTranslation();
  const labels = useAdvisoryLabels();
  const latest = latestRevision(advisory);
  const step = nextStepOf(advisory);
  const errorMessage = useAdvisoryErrorMessage();
  const askReview = useAction(() => requestReview(advisory.id));

  return (
    <Card title={t('advisories.work.nextStepTitle')} className="cg-adv-next-step cg-adv-no-print">
      <p className="cg-cluster cg-adv-latest">
        <span>
          {t('advisories.work.latestRevision', { number: latest.number, author: latest.authorName })}
          {' · '}
          <DateTime value={latest.createdAt} />
        </span>
        <ReviewStatusBadge status={latest.reviewStatus} />
      </p>
      {latest.reviewerName && latest.reviewStatus !== 'pending' && (
        <p className="cg-small">
          {t('advisories.work.reviewedBy', {
            reviewer: latest.reviewerName,
            status: labels.reviewStatus(latest.reviewStatus),
          })}{' '}
          {latest.reviewNote && <q dir="auto">{latest.reviewNote}</q>}
        </p>
      )}

      {step === 'ask_review' && (
        <div className="cg-stack-tight">
          <p>{t('advisories.work.askReviewText')}</p>
          {askReview.error && (
            <Alert tone="danger" isLive>
              {errorMessage(askReview.error)}
            </Alert>
          )}
          <div>
            <Button
              isBusy={askReview.isBusy}
              onClick={async () => {
                const next = await askReview.run();
                if (next) onChanged(next);
              }}
            >
              {t('advisories.work.askReview')}
            </Button>
          </div>
        </div>
      )}

      {step === 'revise' && (
        <div className="cg-stack-tight">
          <p>{t('advisories.work.reviseText')}</p>
          <div>
            <Button onClick={onStartRevision}>{t('advisories.work.writeRevision')}</Button>
          </div>
        </div>
      )}

      {step === 'review' && <ReviewForm advisory={advisory} onChanged={onChanged} />}

      {step === 'await_review' && (
        <Alert tone="info">
          <p>{t('advisories.work.awaitReview', { number: latest.number })}</p>
          <p className="cg-small">{t('advisories.work.fourEyes')}</p>
        </Alert>
      )}

      {step === 'publish' && <PublishAction advisory={advisory} embargo={embargo} onChanged={onChanged} />}

      {step === 'scheduled' && (
        <Alert tone="warning" title={t('advisories.work.scheduledTitle')}>
          <p>
            {embargo ? (
              <>
                {t('advisories.work.scheduledUntil')} <ZonedDateTime value={embargo.endsAt} />
              </>
            ) : (
              t('advisories.work.scheduledText')
            )}
          </p>
          <p className="cg-small">{t('advisories.work.scheduledHint')}</p>
        </Alert>
      )}

      {step === 'published' && (
        <div className="cg-stack-tight">
          <p>
            {t('advisories.work.publishedText', {
              version: advisory.versions[advisory.versions.length - 1]?.number ?? '1',
            })}{' '}
            <DateTime value={advisory.currentReleaseDate} />
          </p>
          <p className="cg-small">{t('advisories.work.updateHint')}</p>
          <div>
            <Button variant="secondary" onClick={onStartRevision}>
              {t('advisories.work.writeRevision')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}

function ReviewForm({
  advisory,
  onChanged,
}: {
  advisory: Advisory;
  onChanged: (advisory: Advisory) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useAdvisoryErrorMessage();
  const latest = latestRevision(advisory);
  const [decision, setDecision] = useState<ReviewDecision | ''>('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ decision?: string; note?: string }>({});
  const review = useAction(() =>
    reviewAdvisory(advisory.id, {
      decision: decision as ReviewDecision,
      ...(note.trim() ? { note: note.trim() } : {}),
    }),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: { decision?: string; note?: string } = {};
    if (!decision) next.decision = t('advisories.work.chooseDecision');
    if (decision === 'request_changes' && !note.trim()) next.note = t('advisories.work.noteRequired');
    setProblems(next);
    if (next.decision || next.note) return;
    const result = await review.run();
    if (result) onChanged(result);
  };

  return (
    <form className="cg-form" onSubmit={submit} noValidate>
      <p>{t('advisories.work.reviewText', { number: latest.number, author: latest.authorName })}</p>
      <ChoiceGroup<ReviewDecision>
        legend={t('advisories.work.decision')}
        value={decision}
        onChange={setDecision}
        error={problems.decision}
        choices={[
          {
            value: 'approve',
            label: t('advisories.work.approve'),
            hint: t('advisories.work.approveHint'),
          },
          {
            value: 'request_changes',
            label: t('advisories.work.requestChanges'),
            hint: t('advisories.work.requestChangesHint'),
          },
        ]}
      />
      <TextArea
        label={t('advisories.work.reviewNote')}
        labelNote={decision === 'request_changes' ? undefined : t('common.optional')}
        hint={t('advisories.work.reviewNoteHint')}
        value={note}
        onChange={setNote}
        error={problems.note}
        rows={3}
        maxLength={5_000}
        dir="auto"
      />
      {review.error && (
        <Alert tone="danger" isLive>
          {errorMessage(review.error)}
        </Alert>
      )}
      <div>
        <Button type="submit" isBusy={review.isBusy}>
          {t('advisories.work.submitReview')}
        </Button>
      </div>
    </form>
  );
}

function PublishAction({
  advisory,
  embargo,
  onChanged,
}: {
  advisory: Advisory;
  embargo: Embargo | null;
  onChanged: (advisory: Advisory) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useAdvisoryErrorMessage();
  const labels = useAdvisoryLabels();
  const publish = useConfirmedAction((id: string) => requestPublication(id));
  const findings =
    publish.error?.code === 'invalid_csaf_document'
      ? publish.error.errors.map((entry) => ({
          // The problem's entries name the failing place and why; the test ids are in the validation panel.
          test: '',
          instancePath: entry.path ?? '',
          message: entry.message ?? '',
        }))
      : [];

  return (
    <div className="cg-stack-tight">
      <p>{t('advisories.work.publishText')}</p>
      {embargo ? (
        <Alert tone="warning">
          <p>
            {t('advisories.work.embargoHolds', { state: labels.embargoState(embargo.state) })}{' '}
            <ZonedDateTime value={embargo.endsAt} />
          </p>
          <p className="cg-small">{t('advisories.work.embargoHoldsHint')}</p>
        </Alert>
      ) : (
        <p className="cg-small">{t('advisories.work.noEmbargo')}</p>
      )}
      <p className="cg-small">
        {advisory.tlp === 'CLEAR'
          ? t('advisories.work.publishPublic')
          : t('advisories.work.publishNotPublic')}
      </p>
      <div>
        <Button onClick={() => publish.ask(advisory.id)}>
          {embargo ? t('advisories.work.schedule') : t('advisories.work.publish')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={publish.target !== undefined}
        title={embargo ? t('advisories.work.confirmScheduleTitle') : t('advisories.work.confirmPublishTitle')}
        confirmLabel={embargo ? t('advisories.work.confirmSchedule') : t('advisories.work.confirmPublish')}
        cancelLabel={t('common.cancel')}
        isBusy={publish.isBusy}
        error={
          publish.error ? (
            <>
              <p>{errorMessage(publish.error)}</p>
              {findings.length > 0 && <CsafFindings findings={findings} />}
            </>
          ) : undefined
        }
        onConfirm={async () => {
          const done = await publish.confirm();
          if (done) onChanged(done.result);
        }}
        onClose={publish.close}
      >
        <p>
          {embargo
            ? t('advisories.work.confirmScheduleText', { trackingId: advisory.trackingId })
            : t('advisories.work.confirmPublishText', { trackingId: advisory.trackingId })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
