import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { OrganizationRef } from '../shared.schemas.ts';

export const Chair = Type.Object({ userId: Type.String(), displayName: Type.String() });

export const Group = Type.Object({
  id: Type.String(),
  processId: Type.String(),
  name: Type.String(),
  mandate: Type.String({ description: 'What the group is asked to do, in Markdown.' }),
  chairs: Type.Array(Chair),
  memberCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const GroupList = pageOf(Group);

export const CreateGroup = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 200 }),
    mandate: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);
export const UpdateGroup = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    mandate: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AppointChair = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false },
);
export const ChairParams = Type.Object({
  id: Type.String({ maxLength: 80 }),
  userId: Type.String({ maxLength: 80 }),
});

export const GroupMember = Type.Object({ organization: OrganizationRef, joinedAt: Type.String() });
export const GroupMemberList = pageOf(GroupMember);
export const JoinGroup = Type.Object(
  { organizationId: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export const MemberParams = Type.Object({
  id: Type.String({ maxLength: 80 }),
  organizationId: Type.String({ maxLength: 80 }),
});
