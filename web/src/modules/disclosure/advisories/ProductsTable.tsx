import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { groupByVendor } from './format.ts';
import { ProductStatus, useAdvisoryLabels } from './labels.tsx';
import type { AdvisoryProduct } from './types.ts';

/**
 * The products by vendor, each with its status and, in plain words, why it is not affected or how it is
 * fixed. A vendor that never answered is shown as such, never as unaffected, and the note below says so.
 */
export function ProductsTable({ products }: { products: readonly AdvisoryProduct[] }) {
  const { t } = useTranslation();
  const labels = useAdvisoryLabels();
  const captionId = useId();
  const groups = groupByVendor(products);
  const hasSilence = products.some((product) => product.status === 'no_response');
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it. */}
      <section className="cg-table-region" aria-labelledby={captionId} tabIndex={0}>
        <table className="cg-table cg-adv-products">
          <caption id={captionId} className="cg-visually-hidden">
            {t('advisories.products.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('advisories.products.product')}</th>
              <th scope="col">{t('advisories.products.version')}</th>
              <th scope="col">{t('advisories.products.status')}</th>
              <th scope="col">{t('advisories.products.notes')}</th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.vendor}>
              <tr className="cg-adv-vendor-row">
                <th scope="rowgroup" colSpan={4}>
                  <span className="cg-visually-hidden">{t('advisories.products.vendor')}: </span>
                  <bdi>{group.vendor}</bdi>
                </th>
              </tr>
              {group.products.map((product) => (
                <tr
                  key={`${product.product} ${product.version}`}
                  className={product.status === 'no_response' ? 'cg-adv-row-silent' : undefined}
                >
                  <td>
                    <bdi>{product.product}</bdi>
                  </td>
                  <td>
                    <bdi>{product.version || '—'}</bdi>
                  </td>
                  <td>
                    <ProductStatus status={product.status} />
                  </td>
                  <td>
                    <ProductNote product={product} justification={labels.justification} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </section>
      {hasSilence && (
        <p className="cg-small cg-adv-silence-note">{t('advisories.products.noResponseExplained')}</p>
      )}
    </>
  );
}

function ProductNote({
  product,
  justification,
}: {
  product: AdvisoryProduct;
  justification: (code: string) => string;
}) {
  const { t } = useTranslation();
  if (product.status === 'no_response') {
    return <span>{t('advisories.products.noResponseNote')}</span>;
  }
  const parts: string[] = [];
  if (product.status === 'not_affected' && product.justification) {
    parts.push(justification(product.justification));
  }
  if (product.remediation) parts.push(product.remediation);
  if (parts.length === 0) return <span className="cg-muted">—</span>;
  return (
    <div className="cg-stack-tight">
      {parts.map((part) => (
        <span key={part} dir="auto">
          {part}
        </span>
      ))}
    </div>
  );
}
