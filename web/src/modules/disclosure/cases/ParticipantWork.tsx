import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../lib/useAction.ts';
import { Button, TextArea } from '../../../ui/index.ts';
import type { CaseAuth } from './auth.ts';
import { CaseErrorAlert, PlainText } from './CaseErrorAlert.tsx';
import { ANSWERING_ROLES } from './caseModel.ts';
import { addProducts, reviewStatement, submitStatement } from './casesApi.ts';
import { StatementStatusBadge } from './labels.tsx';
import { ProductItem } from './ProductStatusEditor.tsx';
import { parseProductLines } from './products.ts';
import type { Case, Participant, Statement } from './types.ts';
import { ZonedTime } from './ZonedTime.tsx';

type WorkProps = {
  caseRecord: Case;
  participant: Participant;
  auth: CaseAuth;
  onChanged: (updated: Case) => void;
};

/**
 * A participant's products and statements. The participant sets its own statuses, adds products (a vendor)
 * and writes statements; the coordinators may set any status, add products for a vendor, and review.
 */
export function ParticipantWork({ caseRecord, participant, auth, onChanged }: WorkProps) {
  const { t } = useTranslation();
  const isCoordinator = caseRecord.viewer.isCoordinator;
  const isOwn = caseRecord.viewer.participantIds.includes(participant.id);
  const isOpen = caseRecord.status === 'open' && !participant.isRemoved;
  const products = participant.products ?? [];
  const statements = participant.statements ?? [];
  const answers = ANSWERING_ROLES.includes(participant.role);
  if (!answers) {
    return <p className="cg-muted">{t('cases.response.nothingToAnswer')}</p>;
  }
  return (
    <div className="cg-stack">
      <section className="cg-stack-tight" aria-label={t('cases.products.title')}>
        <h3 className="cg-case-subheading">{t('cases.products.title')}</h3>
        {products.length === 0 ? (
          <p className="cg-muted">{t('cases.products.none')}</p>
        ) : (
          <ul className="cg-case-products">
            {products.map((product) => (
              <ProductItem
                key={product.id}
                caseId={caseRecord.id}
                product={product}
                auth={auth}
                canEdit={isOpen && (isCoordinator || isOwn)}
                onChanged={onChanged}
              />
            ))}
          </ul>
        )}
        {isOpen && participant.role === 'vendor' && (isCoordinator || isOwn) && (
          <AddProductsForm
            caseRecord={caseRecord}
            participant={participant}
            auth={auth}
            onChanged={onChanged}
          />
        )}
      </section>
      <section className="cg-stack-tight" aria-label={t('cases.statements.title')}>
        <h3 className="cg-case-subheading">{t('cases.statements.title')}</h3>
        <p className="cg-small cg-muted">{t('cases.statements.intro')}</p>
        {statements.length === 0 ? (
          <p className="cg-muted">{t('cases.statements.none')}</p>
        ) : (
          <ol className="cg-case-statements">
            {[...statements]
              .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
              .map((statement) => (
                <li key={statement.id}>
                  <StatementView statement={statement} />
                  {isCoordinator && statement.status === 'submitted' && (
                    <StatementReview caseId={caseRecord.id} statement={statement} onChanged={onChanged} />
                  )}
                </li>
              ))}
          </ol>
        )}
        {isOpen && isOwn && (
          <StatementForm
            caseRecord={caseRecord}
            participant={participant}
            auth={auth}
            onChanged={onChanged}
          />
        )}
      </section>
    </div>
  );
}

function AddProductsForm({ caseRecord, participant, auth, onChanged }: WorkProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState('');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const add = useAction((products: { product: string; version: string }[]) =>
    addProducts(caseRecord.id, { participantId: participant.id, products }, auth),
  );
  const parsed = parseProductLines(text);
  const problem = useProductLinesProblem(parsed.problem, parsed.products.length === 0);
  if (!isOpen) {
    return (
      <div className="cg-cluster">
        <Button variant="secondary" size="small" onClick={() => setIsOpen(true)}>
          {t('cases.products.add')}
        </Button>
      </div>
    );
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (problem) return;
    const updated = await add.run(parsed.products);
    if (updated) {
      setText('');
      setIsSubmitted(false);
      setIsOpen(false);
      onChanged(updated);
    }
  };
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <ProductLinesField
        value={text}
        onChange={setText}
        error={isSubmitted ? problem : undefined}
        isRequired
      />
      <CaseErrorAlert error={add.error} />
      <div className="cg-cluster">
        <Button type="submit" isBusy={add.isBusy}>
          {t('cases.products.addSubmit')}
        </Button>
        <Button variant="secondary" onClick={() => setIsOpen(false)} disabled={add.isBusy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The message for what is wrong with typed product lines, or undefined. */
export function useProductLinesProblem(
  problem: ReturnType<typeof parseProductLines>['problem'],
  isEmpty: boolean,
  isOptional = false,
): string | undefined {
  const { t } = useTranslation();
  if (problem?.kind === 'missing_product')
    return t('cases.products.lineMissingProduct', { line: problem.line });
  if (problem?.kind === 'too_long') return t('cases.products.lineTooLong', { line: problem.line });
  if (problem?.kind === 'too_many') return t('cases.products.tooMany');
  if (isEmpty && !isOptional) return t('cases.products.linesRequired');
  return undefined;
}

/** Products typed one a line as "product | version". */
export function ProductLinesField({
  value,
  onChange,
  error,
  isRequired = false,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextArea
      label={t('cases.products.lines')}
      labelNote={isRequired ? undefined : t('common.optional')}
      hint={t('cases.products.linesHint')}
      value={value}
      onChange={onChange}
      rows={4}
      dir="auto"
      error={error}
      required={isRequired}
    />
  );
}

export function StatementView({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  return (
    <div className="cg-stack-tight">
      <div className="cg-cluster cg-small">
        <StatementStatusBadge status={statement.status} />
        <span>
          {t('cases.statements.submitted')} <ZonedTime value={statement.submittedAt} />
        </span>
        {statement.reviewedAt && (
          <span className="cg-muted">
            {t('cases.statements.reviewed')} <ZonedTime value={statement.reviewedAt} />
          </span>
        )}
      </div>
      <PlainText text={statement.body} />
      {statement.reviewNote && (
        <p className="cg-small">
          <strong>{t('cases.statements.reviewNote')}</strong> <span dir="auto">{statement.reviewNote}</span>
        </p>
      )}
    </div>
  );
}

/** The coordinators approve a statement for publication, or send it back with a note. */
export function StatementReview({
  caseId,
  statement,
  onChanged,
}: {
  caseId: string;
  statement: Statement;
  onChanged: (updated: Case) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const review = useAction((decision: 'approve' | 'reject') =>
    reviewStatement(caseId, statement.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }),
  );
  const decide = async (decision: 'approve' | 'reject') => {
    const updated = await review.run(decision);
    if (updated) onChanged(updated);
  };
  return (
    <div className="cg-stack-tight cg-case-review">
      <TextArea
        label={t('cases.statements.noteLabel')}
        labelNote={t('common.optional')}
        hint={t('cases.statements.noteHint')}
        value={note}
        onChange={setNote}
        rows={2}
        maxLength={5_000}
        dir="auto"
      />
      <CaseErrorAlert error={review.error} />
      <div className="cg-cluster">
        <Button size="small" onClick={() => decide('approve')} isBusy={review.isBusy}>
          {t('cases.statements.approve')}
        </Button>
        <Button variant="secondary" size="small" onClick={() => decide('reject')} disabled={review.isBusy}>
          {t('cases.statements.reject')}
        </Button>
      </div>
    </div>
  );
}

function StatementForm({ caseRecord, participant, auth, onChanged }: WorkProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const submit = useAction(() =>
    submitStatement(caseRecord.id, { body: body.trim(), participantId: participant.id }, auth),
  );
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (!body.trim()) return;
    const updated = await submit.run();
    if (updated) {
      setBody('');
      setIsSubmitted(false);
      onChanged(updated);
    }
  };
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <TextArea
        label={t('cases.statements.newLabel')}
        hint={t('cases.statements.newHint')}
        value={body}
        onChange={setBody}
        rows={5}
        maxLength={20_000}
        dir="auto"
        required
        error={isSubmitted && !body.trim() ? t('cases.statements.bodyRequired') : undefined}
      />
      <CaseErrorAlert error={submit.error} />
      <div className="cg-cluster">
        <Button type="submit" isBusy={submit.isBusy}>
          {t('cases.statements.submit')}
        </Button>
      </div>
    </form>
  );
}
