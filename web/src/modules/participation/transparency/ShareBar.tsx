import { useTranslation } from 'react-i18next';
import { useNumberFormatters } from '../measures/numbers.ts';
import './transparency.css';

/** A share as a percentage with a bar; the number is the information, the bar only lets rows be compared. */
export function ShareBar({ share }: { share: number | null }) {
  const { t } = useTranslation();
  const { formatShare } = useNumberFormatters();
  if (share === null) {
    return (
      <span className="cg-muted">
        <span aria-hidden="true">—</span>
        <span className="cg-visually-hidden">{t('transparency.noShare')}</span>
      </span>
    );
  }
  const percent = Math.max(0, Math.min(1, share)) * 100;
  return (
    <span className="cg-tr-share">
      <span className="cg-tr-share-track" aria-hidden="true">
        <span className="cg-tr-share-fill" style={{ inlineSize: `${percent}%` }} />
      </span>
      <span className="cg-tr-share-value">{formatShare(share)}</span>
    </span>
  );
}
