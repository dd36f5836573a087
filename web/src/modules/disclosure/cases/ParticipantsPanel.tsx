import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { Badge, Button, Card, Checkbox, Dialog, Select, Table, TextField } from '../../../ui/index.ts';
import type { CaseAuth } from './auth.ts';
import {
  ANSWERING_ROLES,
  filterParticipants,
  NO_FILTER,
  PARTICIPANT_PAGE,
  type ParticipantFilter,
} from './caseModel.ts';
import { reissueLink, removeParticipant } from './casesApi.ts';
import { InviteDialog, InviteLinkAlert } from './InviteDialog.tsx';
import { ProductStatusBadge, RoleBadge, useCaseLabels } from './labels.tsx';
import { ParticipantWork } from './ParticipantWork.tsx';
import {
  CASE_ROLES,
  type Case,
  type Invitation,
  type Participant,
  PRODUCT_STATUSES,
  type ProductStatus,
} from './types.ts';
import { ZonedTime } from './ZonedTime.tsx';

type PanelProps = {
  caseRecord: Case;
  auth: CaseAuth;
  onChanged: (updated: Case) => void;
  /** Opens a participant's private thread in the messages tab. */
  onOpenThread: (participantId: string) => void;
};

/**
 * The coordinators' view of everyone invited: totals per status, filters by status, role and name, and a
 * table that renders a hundred rows at a time, so a case with hundreds of vendors stays quick.
 */
export function ParticipantsPanel({ caseRecord, auth, onChanged, onOpenThread }: PanelProps) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [filter, setFilter] = useState<ParticipantFilter>(NO_FILTER);
  const [shown, setShown] = useState(PARTICIPANT_PAGE);
  const [isInviting, setIsInviting] = useState(false);
  const [managedId, setManagedId] = useState<string>();
  const [newLink, setNewLink] = useState<{ name: string; invitation: Invitation }>();
  // Typing in the name filter stays responsive: the table follows a moment later.
  const deferredFilter = useDeferredValue(filter);
  const matching = useMemo(
    () => filterParticipants(caseRecord.participants, deferredFilter),
    [caseRecord.participants, deferredFilter],
  );
  const visible = matching.slice(0, shown);
  const managed = caseRecord.participants.find((participant) => participant.id === managedId);
  const isOpen = caseRecord.status === 'open';

  const remove = useConfirmedAction((participant: Participant) =>
    removeParticipant(caseRecord.id, participant.id),
  );
  const relink = useConfirmedAction((participant: Participant) => reissueLink(caseRecord.id, participant.id));

  const changeFilter = (change: Partial<ParticipantFilter>) => {
    setFilter((current) => ({ ...current, ...change }));
    setShown(PARTICIPANT_PAGE);
  };

  return (
    <div className="cg-stack">
      <StatusSummary
        totals={caseRecord.statusTotals ?? {}}
        selected={filter.status}
        onSelect={(status) => changeFilter({ status: filter.status === status ? '' : status })}
      />
      {newLink && (
        <InviteLinkAlert
          name={newLink.name}
          invitation={newLink.invitation}
          isNewLink
          onDone={() => setNewLink(undefined)}
        />
      )}
      <Card
        title={t('cases.participants.title')}
        actions={isOpen && <Button onClick={() => setIsInviting(true)}>{t('cases.invite.open')}</Button>}
      >
        <div className="cg-stack">
          <div className="cg-case-filters">
            <TextField
              label={t('cases.participants.filterText')}
              type="search"
              value={filter.text}
              onChange={(text) => changeFilter({ text })}
              maxLength={200}
              dir="auto"
            />
            <Select
              label={t('cases.participants.filterStatus')}
              value={filter.status}
              onChange={(status) =>
                changeFilter({ status: PRODUCT_STATUSES.find((code) => code === status) ?? '' })
              }
              emptyOption={t('common.any')}
              options={PRODUCT_STATUSES.map((code) => ({ value: code, label: labels.productStatus(code) }))}
            />
            <Select
              label={t('cases.participants.filterRole')}
              value={filter.role}
              onChange={(role) => changeFilter({ role })}
              emptyOption={t('common.any')}
              options={CASE_ROLES.filter((role) => role !== 'coordinator').map((role) => ({
                value: role,
                label: labels.role(role),
              }))}
            />
            <Checkbox
              label={t('cases.participants.showRemoved')}
              checked={filter.isRemovedShown}
              onChange={(isRemovedShown) => changeFilter({ isRemovedShown })}
            />
          </div>
          <p className="cg-small" role="status">
            {t('cases.participants.showing', { shown: visible.length, total: matching.length })}
          </p>
          {visible.length > 0 && (
            <ParticipantTable
              participants={visible}
              isOpen={isOpen}
              onManage={setManagedId}
              onRemove={remove.ask}
              onNewLink={relink.ask}
              onOpenThread={onOpenThread}
            />
          )}
          {matching.length > shown && (
            <div className="cg-load-more">
              <Button variant="secondary" onClick={() => setShown((count) => count + PARTICIPANT_PAGE)}>
                {t('cases.participants.showMore', {
                  number: Math.min(PARTICIPANT_PAGE, matching.length - shown),
                })}
              </Button>
            </div>
          )}
        </div>
      </Card>
      <InviteDialog
        isOpen={isInviting}
        caseId={caseRecord.id}
        onClose={() => setIsInviting(false)}
        onInvited={(invitation) => onChanged(invitation.case)}
      />
      <Dialog
        isOpen={managed !== undefined}
        onClose={() => setManagedId(undefined)}
        title={managed ? `${managed.name} · ${labels.role(managed.role)}` : ''}
        isWide
      >
        {managed && (
          <div className="cg-stack">
            <ParticipantContact participant={managed} />
            <ParticipantWork
              caseRecord={caseRecord}
              participant={managed}
              auth={auth}
              onChanged={onChanged}
            />
            <div className="cg-cluster-end">
              <Button
                variant="secondary"
                onClick={() => {
                  setManagedId(undefined);
                  onOpenThread(managed.id);
                }}
              >
                {t('cases.participants.openThread')}
              </Button>
              <Button onClick={() => setManagedId(undefined)}>{t('common.close')}</Button>
            </div>
          </div>
        )}
      </Dialog>
      <ConfirmActionDialog
        confirmation={remove}
        title={t('cases.participants.removeTitle', { name: remove.target?.name ?? '' })}
        confirmLabel={t('cases.participants.remove')}
        isDanger
        onConfirm={async () => {
          const done = await remove.confirm();
          if (done) onChanged(done.result);
        }}
      >
        <p>{t('cases.participants.removeText')}</p>
      </ConfirmActionDialog>
      <ConfirmActionDialog
        confirmation={relink}
        title={t('cases.participants.newLinkTitle', { name: relink.target?.name ?? '' })}
        confirmLabel={t('cases.participants.newLink')}
        onConfirm={async () => {
          const done = await relink.confirm();
          if (done) {
            onChanged(done.result.case);
            setNewLink({ name: done.target.name, invitation: done.result });
          }
        }}
      >
        <p>{t('cases.participants.newLinkText')}</p>
      </ConfirmActionDialog>
    </div>
  );
}

/**
 * Totals over every product in the case. Each is a toggle that filters the table; "no response yet" has its
 * own look so silence never reads as "not affected".
 */
function StatusSummary({
  totals,
  selected,
  onSelect,
}: {
  totals: Record<string, number>;
  selected: ProductStatus | '';
  onSelect: (status: ProductStatus) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="cg-card cg-case-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="cg-case-summary-title">
        {t('cases.participants.summaryTitle')}
      </h2>
      <ul className="cg-case-summary-list">
        {PRODUCT_STATUSES.map((status) => (
          <li key={status}>
            <button
              type="button"
              className="cg-case-summary-item"
              aria-pressed={selected === status}
              onClick={() => onSelect(status)}
            >
              <ProductStatusBadge status={status} count={totals[status] ?? 0} />
            </button>
          </li>
        ))}
      </ul>
      <p className="cg-small cg-muted">{t('cases.participants.summaryHint')}</p>
    </section>
  );
}

type TableProps = {
  participants: Participant[];
  isOpen: boolean;
  onManage: (id: string) => void;
  onRemove: (participant: Participant) => void;
  onNewLink: (participant: Participant) => void;
  onOpenThread: (participantId: string) => void;
};

function ParticipantTable({ participants, isOpen, onManage, onRemove, onNewLink, onOpenThread }: TableProps) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('cases.participants.title')}
      isCaptionHidden
      columns={[
        t('cases.participants.columns.name'),
        t('cases.participants.columns.contact'),
        t('cases.participants.columns.times'),
        t('cases.participants.columns.products'),
      ]}
      actionsColumnLabel={t('common.actions')}
    >
      {participants.map((participant) => (
        <ParticipantRow
          key={participant.id}
          participant={participant}
          isOpen={isOpen}
          onManage={onManage}
          onRemove={onRemove}
          onNewLink={onNewLink}
          onOpenThread={onOpenThread}
        />
      ))}
    </Table>
  );
}

function ParticipantRow({
  participant,
  isOpen,
  onManage,
  onRemove,
  onNewLink,
  onOpenThread,
}: Omit<TableProps, 'participants'> & { participant: Participant }) {
  const { t } = useTranslation();
  const counts = Object.entries(participant.statusCounts ?? {}).filter(([, count]) => count > 0);
  const canChange = isOpen && !participant.isRemoved && participant.role !== 'reporter';
  return (
    <tr className={participant.isRemoved ? 'cg-case-removed' : undefined}>
      <td>
        <div className="cg-stack-tight">
          <strong dir="auto">{participant.name}</strong>
          <span className="cg-cluster">
            <RoleBadge role={participant.role} />
            {participant.isRemoved && <Badge tone="danger">{t('cases.participants.removed')}</Badge>}
          </span>
        </div>
      </td>
      <td>
        <div className="cg-stack-tight cg-small">
          {participant.orgId && (
            <Link to={`/organizations/${encodeURIComponent(participant.orgId)}`}>
              {t('cases.participants.onPlatform')}
            </Link>
          )}
          {participant.email && (
            <span className="cg-break" dir="ltr">
              {participant.email}
            </span>
          )}
        </div>
      </td>
      <td>
        <dl className="cg-case-times cg-small">
          <dt>{t('cases.participants.invited')}</dt>
          <dd>
            <ZonedTime value={participant.invitedAt} />
          </dd>
          <dt>{t('cases.participants.joined')}</dt>
          <dd>
            <ZonedTime value={participant.joinedAt} emptyText={t('cases.participants.notYet')} />
          </dd>
          <dt>{t('cases.participants.responded')}</dt>
          <dd>
            <ZonedTime value={participant.respondedAt} emptyText={t('cases.participants.notYet')} />
          </dd>
        </dl>
      </td>
      <td>
        {counts.length > 0 ? (
          <ul className="cg-case-plain-list cg-case-counts">
            {counts.map(([status, count]) => (
              <li key={status}>
                <ProductStatusBadge status={status} count={count} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="cg-muted cg-small">{t('cases.participants.noProducts')}</span>
        )}
      </td>
      <td>
        <div className="cg-case-row-actions">
          {ANSWERING_ROLES.includes(participant.role) ? (
            <Button variant="secondary" size="small" onClick={() => onManage(participant.id)}>
              {t('cases.participants.manage')}
              <span className="cg-visually-hidden"> {participant.name}</span>
            </Button>
          ) : (
            // An observer or the reporter answers for nothing: its private thread is what there is to open.
            !participant.isRemoved && (
              <Button variant="secondary" size="small" onClick={() => onOpenThread(participant.id)}>
                {t('cases.participants.openThread')}
                <span className="cg-visually-hidden"> {participant.name}</span>
              </Button>
            )
          )}
          {canChange && participant.email && (
            <Button variant="ghost" size="small" onClick={() => onNewLink(participant)}>
              {t('cases.participants.newLink')}
              <span className="cg-visually-hidden"> {participant.name}</span>
            </Button>
          )}
          {canChange && (
            <Button variant="ghost" size="small" onClick={() => onRemove(participant)}>
              {t('cases.participants.remove')}
              <span className="cg-visually-hidden"> {participant.name}</span>
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}

function ParticipantContact({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  return (
    <dl className="cg-details-list cg-small">
      <dt>{t('cases.participants.columns.contact')}</dt>
      <dd>
        {participant.email ? <span dir="ltr">{participant.email}</span> : null}
        {participant.email && participant.orgId ? ' · ' : null}
        {participant.orgId ? t('cases.participants.onPlatform') : null}
      </dd>
      <dt>{t('cases.participants.invited')}</dt>
      <dd>
        <ZonedTime value={participant.invitedAt} />
      </dd>
      <dt>{t('cases.participants.joined')}</dt>
      <dd>
        <ZonedTime value={participant.joinedAt} emptyText={t('cases.participants.notYet')} />
      </dd>
      <dt>{t('cases.participants.responded')}</dt>
      <dd>
        <ZonedTime value={participant.respondedAt} emptyText={t('cases.participants.notYet')} />
      </dd>
    </dl>
  );
}
