import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/index.ts';
import { useDisclosureLabels } from '../shared/codes.ts';
import { LockIcon } from '../shared/LockIcon.tsx';

/** What sets a program apart at a glance: a State's own systems, encrypted reports. Words, not colour alone. */
export function ProgramMarks({ isStateProgram, hasKey }: { isStateProgram: boolean; hasKey: boolean }) {
  const { t } = useTranslation();
  if (!isStateProgram && !hasKey) return null;
  return (
    <div className="cg-cluster cg-vdp-marks">
      {isStateProgram && <Badge tone="info">{t('disclosurePrograms.stateProgram')}</Badge>}
      {hasKey && (
        <Badge tone="success">
          <LockIcon />
          {t('disclosurePrograms.encryptedReports')}
        </Badge>
      )}
    </div>
  );
}

/** Draft and retired programs say so; a published one needs no badge. */
export function ProgramStatusBadge({ status }: { status: string }) {
  const labels = useDisclosureLabels();
  if (status === 'published') return null;
  return <Badge tone={status === 'draft' ? 'warning' : 'neutral'}>{labels.programStatus(status)}</Badge>;
}
