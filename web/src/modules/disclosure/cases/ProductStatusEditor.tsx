import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../lib/useAction.ts';
import { Button, Select, TextArea } from '../../../ui/index.ts';
import { ChoiceGroup } from '../shared/ChoiceGroup.tsx';
import type { CaseAuth } from './auth.ts';
import { CaseErrorAlert, PlainText } from './CaseErrorAlert.tsx';
import { setProductStatus } from './casesApi.ts';
import { ProductStatusBadge, useCaseLabels } from './labels.tsx';
import {
  type Case,
  type Justification,
  type Product,
  SETTABLE_STATUSES,
  type SettableStatus,
  type UpdateProductBody,
  VEX_JUSTIFICATIONS,
} from './types.ts';
import { ZonedTime } from './ZonedTime.tsx';

type ProductProps = {
  caseId: string;
  product: Product;
  auth: CaseAuth;
  /** Whether the viewer may set the status (the vendor itself, or the coordinators), and the case is open. */
  canEdit: boolean;
  onChanged: (updated: Case) => void;
};

/** "RT-1000 2.4.1", or the product alone when no version was given. */
export const productName = (product: Pick<Product, 'product' | 'version'>) =>
  product.version ? `${product.product} ${product.version}` : product.product;

/** One product and version: its status and what goes with it, and the form that changes it. */
export function ProductItem({ caseId, product, auth, canEdit, onChanged }: ProductProps) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [isEditing, setIsEditing] = useState(false);
  const name = productName(product);
  return (
    <li className="cg-case-product">
      <div className="cg-case-product-head">
        <strong dir="auto">{name}</strong>
        <ProductStatusBadge status={product.status} />
        {product.status !== 'no_response' && (
          <span className="cg-small cg-muted">
            <ZonedTime value={product.updatedAt} />
          </span>
        )}
        {canEdit && !isEditing && (
          <Button variant="secondary" size="small" onClick={() => setIsEditing(true)}>
            {product.status === 'no_response' ? t('cases.products.answer') : t('cases.products.change')}
            <span className="cg-visually-hidden"> {name}</span>
          </Button>
        )}
      </div>
      {(product.justification || product.impactStatement || product.remediation) && (
        <dl className="cg-details-list cg-small">
          {product.justification && (
            <>
              <dt>{t('cases.products.justification')}</dt>
              <dd>{labels.justification(product.justification)}</dd>
            </>
          )}
          {product.impactStatement && (
            <>
              <dt>{t('cases.products.impactStatement')}</dt>
              <dd>
                <PlainText text={product.impactStatement} />
              </dd>
            </>
          )}
          {product.remediation && (
            <>
              <dt>{t('cases.products.remediation')}</dt>
              <dd>
                <PlainText text={product.remediation} />
              </dd>
            </>
          )}
        </dl>
      )}
      {isEditing && (
        <StatusForm
          caseId={caseId}
          product={product}
          auth={auth}
          onDone={(updated) => {
            setIsEditing(false);
            if (updated) onChanged(updated);
          }}
        />
      )}
    </li>
  );
}

function StatusForm({
  caseId,
  product,
  auth,
  onDone,
}: {
  caseId: string;
  product: Product;
  auth: CaseAuth;
  onDone: (updated: Case | undefined) => void;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const name = productName(product);
  const current = SETTABLE_STATUSES.find((status) => status === product.status) ?? '';
  const [status, setStatus] = useState<SettableStatus | ''>(current);
  const [justification, setJustification] = useState<Justification | ''>(
    VEX_JUSTIFICATIONS.find((code) => code === product.justification) ?? '',
  );
  const [impactStatement, setImpactStatement] = useState(product.impactStatement ?? '');
  const [remediation, setRemediation] = useState(product.remediation ?? '');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const save = useAction((body: UpdateProductBody) => setProductStatus(caseId, product.id, body, auth));

  const problems = {
    status: status === '' ? t('cases.products.statusRequired') : undefined,
    justification:
      status === 'not_affected' && !justification ? t('cases.products.justificationRequired') : undefined,
    remediation:
      status === 'fixed' && !remediation.trim() ? t('cases.products.remediationRequired') : undefined,
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (status === '' || problems.justification || problems.remediation) return;
    const hasImpact = status === 'not_affected' || status === 'affected';
    const hasRemediation = status === 'fixed' || status === 'affected';
    const updated = await save.run({
      status,
      ...(status === 'not_affected' && justification ? { justification } : {}),
      ...(hasImpact && impactStatement.trim() ? { impactStatement: impactStatement.trim() } : {}),
      ...(hasRemediation && remediation.trim() ? { remediation: remediation.trim() } : {}),
    });
    if (updated) onDone(updated);
  };

  return (
    <form className="cg-stack cg-case-status-form" onSubmit={onSubmit} noValidate>
      <ChoiceGroup
        legend={t('cases.products.statusOf', { product: name })}
        hint={t('cases.products.statusHint')}
        value={status}
        onChange={setStatus}
        choices={SETTABLE_STATUSES.map((code) => ({
          value: code,
          label: labels.productStatus(code),
          hint: labels.productStatusHelp(code),
        }))}
        error={isSubmitted ? problems.status : undefined}
      />
      {status === 'not_affected' && (
        <Select
          label={t('cases.products.justification')}
          hint={
            justification ? labels.justificationHelp(justification) : t('cases.products.justificationHint')
          }
          value={justification}
          onChange={(value) => setJustification(VEX_JUSTIFICATIONS.find((code) => code === value) ?? '')}
          emptyOption={t('common.choose')}
          options={VEX_JUSTIFICATIONS.map((code) => ({ value: code, label: labels.justification(code) }))}
          error={isSubmitted ? problems.justification : undefined}
          required
        />
      )}
      {(status === 'not_affected' || status === 'affected') && (
        <TextArea
          label={t('cases.products.impactStatement')}
          labelNote={t('common.optional')}
          hint={t('cases.products.impactHint')}
          value={impactStatement}
          onChange={setImpactStatement}
          rows={3}
          maxLength={5_000}
          dir="auto"
        />
      )}
      {(status === 'fixed' || status === 'affected') && (
        <TextArea
          label={status === 'fixed' ? t('cases.products.remediation') : t('cases.products.workaround')}
          labelNote={status === 'fixed' ? undefined : t('common.optional')}
          hint={status === 'fixed' ? t('cases.products.remediationHint') : t('cases.products.workaroundHint')}
          value={remediation}
          onChange={setRemediation}
          rows={3}
          maxLength={5_000}
          required={status === 'fixed'}
          error={isSubmitted ? problems.remediation : undefined}
          dir="auto"
        />
      )}
      <CaseErrorAlert error={save.error} />
      <div className="cg-cluster">
        <Button type="submit" isBusy={save.isBusy}>
          {t('cases.products.save')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(undefined)} disabled={save.isBusy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
