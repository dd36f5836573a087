import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useLanguageNames } from '../../../lib/localized.ts';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ButtonLink, PageHeader } from '../../../ui/index.ts';
import { useDisclosureLabels } from '../shared/codes.ts';
import type { ProgramSummary } from '../shared/types.ts';
import { ProgramMarks, ProgramStatusBadge } from './ProgramMarks.tsx';
import { newProgramPath, programPath } from './paths.ts';
import { listPrograms } from './programsApi.ts';
import './programs.css';

/** /disclose: published programs, and the drafts and retired programs of the reader's organizations. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  usePageTitle(t('disclosurePrograms.listTitle'));
  const list = usePagedList(`disclosure-programs:${user?.id ?? ''}`, listPrograms);

  return (
    <>
      <PageHeader
        title={t('disclosurePrograms.listTitle')}
        description={t('disclosurePrograms.listIntro')}
        actions={
          user ? (
            <ButtonLink to={newProgramPath()}>{t('disclosurePrograms.publishProgram')}</ButtonLink>
          ) : null
        }
      />
      <PagedListView
        list={list}
        emptyTitle={t('disclosurePrograms.empty')}
        emptyText={user ? t('disclosurePrograms.emptyMember') : t('disclosurePrograms.emptyPublic')}
      >
        <ul className="cg-vdp-program-list" aria-label={t('disclosurePrograms.listTitle')}>
          {list.items.map((program) => (
            <li key={program.id}>
              <ProgramItem program={program} />
            </li>
          ))}
        </ul>
      </PagedListView>
    </>
  );
}

function ProgramItem({ program }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const labels = useDisclosureLabels();
  const languageName = useLanguageNames();
  return (
    <article className="cg-card cg-vdp-program-item" aria-labelledby={`program-${program.id}`}>
      <div className="cg-vdp-program-item-head">
        <h2 id={`program-${program.id}`}>
          <Link to={programPath(program.id)} dir="auto">
            {program.name}
          </Link>
        </h2>
        <ProgramStatusBadge status={program.status} />
      </div>
      <p className="cg-vdp-program-org">
        <bdi>{program.orgName}</bdi>
      </p>
      <ProgramMarks isStateProgram={program.isStateProgram} hasKey={program.hasOpenpgpKey} />
      <dl className="cg-vdp-facts">
        <div>
          <dt>{t('disclosurePrograms.fields.languages')}</dt>
          <dd>{program.languages.map(languageName).join(t('disclosurePrograms.listSeparator'))}</dd>
        </div>
        <div>
          <dt>{t('disclosurePrograms.fields.safeHarbor')}</dt>
          <dd>{labels.safeHarbor(program.safeHarbor)}</dd>
        </div>
        {program.publishedAt && (
          <div>
            <dt>{t('disclosurePrograms.fields.publishedAt')}</dt>
            <dd>
              <DateTime value={program.publishedAt} isDateOnly />
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
