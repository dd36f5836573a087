import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../lib/dates.tsx';
import { useDayCount } from '../processes/useDayCount.ts';

const DAY_MS = 86_400_000;

/** How long is left to object, in whole days; under a day says so rather than "0 days". */
export function timeLeftOf(endsAt: string, now: number): { isOver: boolean; days: number } {
  const left = Date.parse(endsAt) - now;
  if (Number.isNaN(left) || left <= 0) return { isOver: true, days: 0 };
  return { isOver: false, days: left < DAY_MS ? 0 : Math.ceil(left / DAY_MS) };
}

/** The end of the objection period in the viewer's zone, and what is left of it. */
export function CirculationDeadline({ endsAt }: { endsAt: string }) {
  const { t } = useTranslation();
  const dayCount = useDayCount();
  const { isOver, days } = timeLeftOf(endsAt, Date.now());
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="cg-stack-tight">
      <div className="cg-cluster">
        <DateTime value={endsAt} />
        <strong>
          {isOver
            ? t('accreditation.deadline.ended')
            : days === 0
              ? t('accreditation.deadline.lessThanADay')
              : t('accreditation.deadline.left', { duration: dayCount(days) })}
        </strong>
      </div>
      {zone && <span className="cg-muted cg-small">{t('accreditation.deadline.zone', { zone })}</span>}
    </div>
  );
}
