import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '../../../ui/index.ts';
import { useNumberFormatters } from '../measures/numbers.ts';
import { ShareBar } from './ShareBar.tsx';
import type { Bucket } from './types.ts';
import './transparency.css';

type BucketTableProps = {
  caption: string;
  /** The heading of the first column: stakeholder type, region, group or month. */
  dimension: string;
  buckets: Bucket[];
  /** How a bucket is named in the first column (translated, or a link). */
  nameOf: (bucket: Bucket) => ReactNode;
};

/** One dimension of the statistics: each row's counts and the share of its contributions incorporated. */
export function BucketTable({ caption, dimension, buckets, nameOf }: BucketTableProps) {
  const { t } = useTranslation();
  const { formatCount } = useNumberFormatters();
  return (
    <div className="cg-tr-table">
      <Table
        caption={caption}
        isCaptionHidden
        columns={[
          dimension,
          t('transparency.columns.contributions'),
          t('transparency.columns.statements'),
          t('transparency.columns.participants'),
          t('transparency.columns.dispositioned'),
          t('transparency.columns.incorporated'),
          t('transparency.columns.share'),
        ]}
      >
        {buckets.map((bucket) => (
          <tr key={bucket.key}>
            <th scope="row">{nameOf(bucket)}</th>
            <td>{formatCount(bucket.contributions)}</td>
            <td>{formatCount(bucket.statements)}</td>
            <td>{formatCount(bucket.participants)}</td>
            <td>{formatCount(bucket.dispositioned)}</td>
            <td>{formatCount(bucket.incorporated)}</td>
            <td>
              <ShareBar share={bucket.incorporatedShare} />
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
