import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, OrgRole } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { Badge, Button, Select } from '../../ui/index.ts';
import { OrgRoleBadge } from './badges.tsx';

type MemberRowProps = {
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  isSaving: boolean;
  onSaveRole: (member: Member, role: OrgRole) => void;
  onRemove: (member: Member) => void;
};

/** A role is chosen, then saved with its own button, so browsing the options changes nothing. */
export function MemberRow({ member, isSelf, canManage, isSaving, onSaveRole, onRemove }: MemberRowProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<OrgRole>(member.role);
  const roleOptions = (['org_admin', 'member'] as const).map((value) => ({
    value,
    label: t(`roles.${value}`),
  }));

  return (
    <tr>
      <td>
        <div className="cg-cluster">
          <span>{member.displayName}</span>
          {isSelf && <Badge tone="info">{t('members.you')}</Badge>}
        </div>
      </td>
      <td className="cg-ltr cg-break">{member.email}</td>
      <td>
        {canManage ? (
          <div className="cg-cluster">
            <Select
              label={
                <span className="cg-visually-hidden">
                  {t('members.roleOf', { name: member.displayName })}
                </span>
              }
              value={role}
              onChange={(value) => setRole(value as OrgRole)}
              options={roleOptions}
            />
            {role !== member.role && (
              <Button size="small" onClick={() => onSaveRole(member, role)} isBusy={isSaving}>
                {t('common.save')}
              </Button>
            )}
          </div>
        ) : (
          <OrgRoleBadge role={member.role} />
        )}
      </td>
      <td>
        <DateTime value={member.joinedAt} isDateOnly />
      </td>
      {canManage && (
        <td>
          <Button variant="secondary" size="small" onClick={() => onRemove(member)}>
            {isSelf ? t('members.leave') : t('members.remove')}
            <span className="cg-visually-hidden">{member.displayName}</span>
          </Button>
        </td>
      )}
    </tr>
  );
}
