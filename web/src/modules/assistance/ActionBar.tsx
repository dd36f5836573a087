import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../app/toasts.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Alert, Button, Card, Dialog, Select, TextArea } from '../../ui/index.ts';
import { AttachmentsField, type ChosenFile, toNewAttachments } from './AttachmentsField.tsx';
import { acknowledge, closeRequest, decide, postMessage } from './assistanceApi.ts';
import { useCodeLabels } from './codes.ts';
import { useAssistanceErrorMessage } from './errors.ts';
import { findingsSignature, PersonalDataGuard, usePersonalDataFindings } from './PersonalDataGuard.tsx';
import {
  type AssistanceRequest,
  DECISIONS,
  type Decision,
  type Recipient,
  type RequestStatus,
} from './types.ts';

const DECIDABLE: RequestStatus[] = ['sent', 'acknowledged'];
const RESPONDABLE: RequestStatus[] = ['accepted', 'partially_accepted'];

/** What the reader may do, derived from which side they are on and where each of their recipients stands. */
export function allowedActions(request: AssistanceRequest) {
  const isClosed = request.closedAt !== null;
  const mine = request.recipients.filter((recipient) =>
    request.viewer.recipientOrgIds.includes(recipient.org.id),
  );
  const withStatus = (statuses: RequestStatus[]) =>
    isClosed ? [] : mine.filter((recipient) => recipient.status && statuses.includes(recipient.status));
  return {
    acknowledgeFor: withStatus(['sent']),
    decideFor: withStatus(DECIDABLE),
    respondFor: withStatus(RESPONDABLE),
    writeFor: isClosed ? [] : mine,
    canWriteAsSender: !isClosed && request.viewer.isSender,
    canClose: !isClosed && request.viewer.isSender,
  };
}

function OrgSelect({
  recipients,
  value,
  onChange,
}: {
  recipients: Recipient[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (recipients.length < 2) return null;
  return (
    <Select
      label={t('assistance.actions.actingFor')}
      value={value}
      onChange={onChange}
      options={recipients.map((recipient) => ({ value: recipient.org.id, label: recipient.org.name }))}
      required
    />
  );
}

type ActionBarProps = { request: AssistanceRequest; onChanged: () => void };

export function ActionBar({ request, onChanged }: ActionBarProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useAssistanceErrorMessage();
  const actions = allowedActions(request);
  const [ackOrgId, setAckOrgId] = useState(actions.acknowledgeFor[0]?.org.id ?? '');
  const [isDeciding, setIsDeciding] = useState(false);
  const [isClosing, setIsClosing] = useState(false);

  const ack = useAction(() => acknowledge(request.id, ackOrgId || actions.acknowledgeFor[0]?.org.id));

  const onAcknowledge = async () => {
    if ((await ack.run()) === undefined) return;
    toast(t('assistance.actions.acknowledged'));
    onChanged();
  };

  const hasStatusAction =
    actions.acknowledgeFor.length > 0 || actions.decideFor.length > 0 || actions.canClose;
  if (!hasStatusAction) return null;

  return (
    <Card title={t('assistance.actions.title')} className="cg-rfa-actions">
      <div className="cg-stack">
        {ack.error && (
          <Alert tone="danger" isLive>
            {errorMessage(ack.error)}
          </Alert>
        )}
        {hasStatusAction && (
          <div className="cg-cluster">
            {actions.acknowledgeFor.length > 0 && (
              <>
                <OrgSelect recipients={actions.acknowledgeFor} value={ackOrgId} onChange={setAckOrgId} />
                <Button onClick={onAcknowledge} isBusy={ack.isBusy}>
                  {t('assistance.actions.acknowledge')}
                </Button>
              </>
            )}
            {actions.decideFor.length > 0 && (
              <Button variant="secondary" onClick={() => setIsDeciding(true)}>
                {t('assistance.actions.decide')}
              </Button>
            )}
            {actions.canClose && (
              <Button variant="secondary" onClick={() => setIsClosing(true)}>
                {t('assistance.actions.close')}
              </Button>
            )}
          </div>
        )}
      </div>
      {isDeciding && (
        <DecisionDialog
          request={request}
          recipients={actions.decideFor}
          onClose={() => setIsDeciding(false)}
          onDecided={() => {
            setIsDeciding(false);
            onChanged();
          }}
        />
      )}
      {isClosing && (
        <CloseDialog
          request={request}
          onClose={() => setIsClosing(false)}
          onClosed={() => {
            setIsClosing(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

type DecisionDialogProps = {
  request: AssistanceRequest;
  recipients: Recipient[];
  onClose: () => void;
  onDecided: () => void;
};

function DecisionDialog({ request, recipients, onClose, onDecided }: DecisionDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { label } = useCodeLabels();
  const errorMessage = useAssistanceErrorMessage();
  const [orgId, setOrgId] = useState(recipients[0]?.org.id ?? '');
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const needsReason =
    decision === 'declined' || decision === 'more_info_needed' || decision === 'partially_accepted';
  const run = useAction(() => {
    const body: { orgId?: string; decision: Decision; reason?: string } = { decision: decision as Decision };
    if (orgId) body.orgId = orgId;
    if (reason.trim()) body.reason = reason.trim();
    return decide(request.id, body);
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return setProblem(t('assistance.errors.chooseDecision'));
    if (needsReason && !reason.trim()) return setProblem(t('assistance.errors.reasonRequired'));
    setProblem('');
    if ((await run.run()) === undefined) return;
    toast(t('assistance.actions.decided'));
    onDecided();
  };

  return (
    <Dialog isOpen onClose={() => !run.isBusy && onClose()} title={t('assistance.actions.decideTitle')}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        {run.error && (
          <Alert tone="danger" isLive>
            {errorMessage(run.error)}
          </Alert>
        )}
        {problem && (
          <Alert tone="danger" isLive>
            {problem}
          </Alert>
        )}
        <OrgSelect recipients={recipients} value={orgId} onChange={setOrgId} />
        <fieldset className="cg-fieldset">
          <legend>{t('assistance.actions.decision')}</legend>
          <div className="cg-stack-tight">
            {DECISIONS.map((code) => (
              <div key={code} className="cg-checkbox">
                <input
                  type="radio"
                  id={`rfa-decision-${code}`}
                  name="decision"
                  value={code}
                  checked={decision === code}
                  onChange={() => setDecision(code)}
                />
                <label htmlFor={`rfa-decision-${code}`}>{label('decisions', code)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextArea
          label={t('assistance.actions.reason')}
          labelNote={needsReason ? undefined : t('common.optional')}
          hint={t('assistance.actions.reasonHint')}
          value={reason}
          onChange={setReason}
          rows={4}
          maxLength={5000}
          required={needsReason}
          dir="auto"
        />
        <div className="cg-cluster">
          <Button type="submit" isBusy={run.isBusy}>
            {t('assistance.actions.sendDecision')}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={run.isBusy}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function CloseDialog({
  request,
  onClose,
  onClosed,
}: {
  request: AssistanceRequest;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useAssistanceErrorMessage();
  const [note, setNote] = useState('');
  const run = useAction(() => closeRequest(request.id, note.trim()));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await run.run()) === undefined) return;
    toast(t('assistance.actions.closed'));
    onClosed();
  };
  return (
    <Dialog isOpen onClose={() => !run.isBusy && onClose()} title={t('assistance.actions.closeTitle')}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <p>{t('assistance.actions.closeText')}</p>
        {run.error && (
          <Alert tone="danger" isLive>
            {errorMessage(run.error)}
          </Alert>
        )}
        <TextArea
          label={t('assistance.actions.closureNote')}
          labelNote={t('common.optional')}
          value={note}
          onChange={setNote}
          rows={3}
          maxLength={5000}
          dir="auto"
        />
        <div className="cg-cluster">
          <Button type="submit" variant="danger" isBusy={run.isBusy}>
            {t('assistance.actions.close')}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={run.isBusy}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const ALL = '';

/** A message to the other side; a recipient who accepted may mark it as their response. */
export function MessageCard({ request, onSent }: { request: AssistanceRequest; onSent: () => void }) {
  const { t } = useTranslation();
  const actions = allowedActions(request);
  if (!actions.canWriteAsSender && actions.writeFor.length === 0) return null;
  return (
    <Card
      title={
        actions.respondFor.length > 0 ? t('assistance.actions.replyOrRespond') : t('assistance.actions.reply')
      }
    >
      <MessageForm request={request} onSent={onSent} />
    </Card>
  );
}

function MessageForm({ request, onSent }: { request: AssistanceRequest; onSent: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useAssistanceErrorMessage();
  const actions = allowedActions(request);
  const writers = actions.writeFor;
  const [orgId, setOrgId] = useState(writers[0]?.org.id ?? '');
  const [toOrgId, setToOrgId] = useState(ALL);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [problem, setProblem] = useState('');
  // The same "minimum necessary information" guard as the composer's: a confirmation holds for the findings
  // it was given for.
  const findings = usePersonalDataFindings([
    { id: 'body', label: t('assistance.actions.message'), text: body },
  ]);
  const signature = findingsSignature(findings);
  const [confirmedSignature, setConfirmedSignature] = useState('');
  const [guardError, setGuardError] = useState('');
  const isPersonalDataConfirmed = signature !== '' && confirmedSignature === signature;
  const actingRecipient = writers.find((recipient) => recipient.org.id === orgId) ?? writers[0];
  const canRespond =
    !actions.canWriteAsSender &&
    actingRecipient !== undefined &&
    actions.respondFor.some((recipient) => recipient.org.id === actingRecipient.org.id);

  const send = useAction(async (isResponse: boolean) => {
    const payload: Parameters<typeof postMessage>[1] = { body: body.trim() };
    if (isResponse) payload.isResponse = true;
    if (actions.canWriteAsSender && toOrgId) payload.toOrgId = toOrgId;
    if (!actions.canWriteAsSender && writers.length > 1 && orgId) payload.orgId = orgId;
    if (files.length > 0) payload.attachments = await toNewAttachments(files);
    if (isPersonalDataConfirmed) payload.personalDataConfirmed = true;
    return postMessage(request.id, payload);
  });

  const submit = async (isResponse: boolean) => {
    if (!body.trim()) return setProblem(t('assistance.errors.messageRequired'));
    setProblem('');
    if (signature !== '' && !isPersonalDataConfirmed) {
      return setGuardError(t('assistance.errors.confirmPersonalData'));
    }
    setGuardError('');
    if ((await send.run(isResponse)) === undefined) return;
    setBody('');
    setFiles([]);
    toast(isResponse ? t('assistance.actions.responseSent') : t('assistance.actions.messageSent'));
    onSent();
  };

  return (
    <form
      className="cg-form cg-form-wide cg-rfa-reply"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
      noValidate
    >
      {send.error && (
        <Alert tone="danger" isLive>
          {errorMessage(send.error)}
        </Alert>
      )}
      {actions.canWriteAsSender && request.recipients.length > 1 && (
        <Select
          label={t('assistance.actions.to')}
          value={toOrgId}
          onChange={setToOrgId}
          options={[
            { value: ALL, label: t('assistance.actions.allRecipients') },
            ...request.recipients.map((recipient) => ({
              value: recipient.org.id,
              label: recipient.org.name,
            })),
          ]}
        />
      )}
      {!actions.canWriteAsSender && <OrgSelect recipients={writers} value={orgId} onChange={setOrgId} />}
      <TextArea
        label={t('assistance.actions.message')}
        hint={canRespond ? t('assistance.actions.responseHint') : undefined}
        value={body}
        onChange={setBody}
        rows={5}
        maxLength={20000}
        required
        dir="auto"
        error={problem || undefined}
      />
      <PersonalDataGuard
        entries={findings}
        isConfirmed={isPersonalDataConfirmed}
        onConfirm={(isConfirmed) => setConfirmedSignature(isConfirmed ? signature : '')}
        error={guardError || undefined}
      />
      <AttachmentsField files={files} onChange={setFiles} maxFiles={5} maxBytes={10 * 1024 * 1024} />
      <div className="cg-cluster">
        <Button type="submit" variant={canRespond ? 'secondary' : 'primary'} isBusy={send.isBusy}>
          {t('assistance.actions.sendMessage')}
        </Button>
        {canRespond && (
          <Button onClick={() => void submit(true)} isBusy={send.isBusy}>
            {t('assistance.actions.sendResponse')}
          </Button>
        )}
      </div>
    </form>
  );
}
