import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, Card, TextField } from '../../../ui/index.ts';
import { AdvisoryFields, type AdvisoryText, emptyReference, type TextErrors } from './AdvisoryFields.tsx';
import { reviseAdvisory } from './advisoriesApi.ts';
import { useAdvisoryErrorMessage } from './errors.ts';
import { checkReferences, latestRevision, type ReferenceProblem } from './format.ts';
import type { Advisory, ReviseAdvisoryBody } from './types.ts';

type RevisionFormProps = {
  advisory: Advisory;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onChanged: (advisory: Advisory) => void;
};

/**
 * A new revision, starting from the latest text; what it changes is said in a note. It needs a review
 * again, and after publication it becomes the next version.
 */
export function RevisionForm({ advisory, isOpen, onOpenChange, onChanged }: RevisionFormProps) {
  const { t } = useTranslation();
  const [savedNumber, setSavedNumber] = useState<number | null>(null);
  const headingRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (isOpen) headingRef.current?.scrollIntoView({ block: 'start' });
  }, [isOpen]);

  return (
    <div ref={headingRef} id="new-revision" className="cg-adv-no-print">
      <Card
        title={t('advisories.revise.title')}
        description={t('advisories.revise.description')}
        actions={
          !isOpen && (
            <Button
              variant="secondary"
              onClick={() => {
                setSavedNumber(null);
                onOpenChange(true);
              }}
            >
              {t('advisories.work.writeRevision')}
            </Button>
          )
        }
      >
        {savedNumber !== null && !isOpen && (
          <Alert tone="success" isLive>
            {t('advisories.revise.saved', { number: savedNumber })}
          </Alert>
        )}
        {isOpen && (
          <RevisionFields
            advisory={advisory}
            onCancel={() => onOpenChange(false)}
            onSaved={(next) => {
              setSavedNumber(latestRevision(next).number);
              onOpenChange(false);
              onChanged(next);
            }}
          />
        )}
      </Card>
    </div>
  );
}

function RevisionFields({
  advisory,
  onCancel,
  onSaved,
}: {
  advisory: Advisory;
  onCancel: () => void;
  onSaved: (advisory: Advisory) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useAdvisoryErrorMessage();
  const { fieldErrorsOf } = useErrorMessages();
  const latest = latestRevision(advisory);
  const [text, setText] = useState<AdvisoryText>(() => ({
    title: latest.title,
    summary: latest.summary,
    details: latest.details,
    remediation: latest.remediation,
    references: latest.references.length > 0 ? latest.references.map((r) => ({ ...r })) : [emptyReference()],
  }));
  const [changeNote, setChangeNote] = useState('');
  const [localErrors, setLocalErrors] = useState<TextErrors & { changeNote?: string }>({});
  const [referenceProblems, setReferenceProblems] = useState<ReferenceProblem[]>([]);
  const revise = useAction((body: ReviseAdvisoryBody) => reviseAdvisory(advisory.id, body));
  const serverErrors = fieldErrorsOf(revise.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = t('advisories.form.required');
    const next: TextErrors & { changeNote?: string } = {};
    if (!text.title.trim()) next.title = required;
    if (!text.summary.trim()) next.summary = required;
    if (!changeNote.trim()) next.changeNote = t('advisories.revise.changeNoteRequired');
    const checked = checkReferences(text.references);
    setLocalErrors(next);
    setReferenceProblems(checked.problems);
    if (Object.keys(next).length > 0 || checked.problems.length > 0) return;
    const saved = await revise.run({
      title: text.title.trim(),
      summary: text.summary,
      details: text.details,
      remediation: text.remediation,
      references: checked.references,
      changeNote: changeNote.trim(),
    });
    if (saved) onSaved(saved);
  };

  return (
    <form className="cg-form cg-adv-form" onSubmit={submit} noValidate>
      <p className="cg-small cg-muted">{t('advisories.revise.startsFrom', { number: latest.number })}</p>
      <AdvisoryFields
        value={text}
        onChange={setText}
        errors={{
          title: localErrors.title ?? serverErrors.title,
          summary: localErrors.summary ?? serverErrors.summary,
          details: serverErrors.details,
          remediation: serverErrors.remediation,
        }}
        referenceProblems={referenceProblems}
      />
      <TextField
        label={t('advisories.revise.changeNote')}
        hint={t('advisories.revise.changeNoteHint')}
        value={changeNote}
        onChange={setChangeNote}
        error={localErrors.changeNote ?? serverErrors.changeNote}
        maxLength={1_000}
        required
        dir="auto"
      />
      {revise.error && (
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          {errorMessage(revise.error)}
        </Alert>
      )}
      <div className="cg-cluster">
        <Button type="submit" isBusy={revise.isBusy}>
          {t('advisories.revise.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
