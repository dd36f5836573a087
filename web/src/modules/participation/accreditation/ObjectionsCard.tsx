import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../lib/dates.tsx';
import { Card, Table } from '../../../ui/index.ts';
import { PlainText } from '../processes/PlainText.tsx';
import type { Objection } from '../processes/types.ts';

/** The objections the viewer may read: all for the secretariat, its own for an objecting State. */
export function ObjectionsCard({ objections }: { objections: Objection[] }) {
  const { t } = useTranslation();
  if (objections.length === 0) return null;
  return (
    <Card title={t('accreditation.objections.title')} description={t('accreditation.objections.privacy')}>
      <Table
        caption={t('accreditation.objections.title')}
        isCaptionHidden
        columns={[
          t('accreditation.objections.state'),
          t('accreditation.objections.reason'),
          t('accreditation.objections.date'),
        ]}
      >
        {objections.map((objection) => (
          <tr key={objection.id}>
            <td>
              <bdi>{objection.state.name}</bdi>
            </td>
            <td>
              <PlainText text={objection.reason} />
            </td>
            <td>
              <DateTime value={objection.createdAt} />
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
