import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { OrgUnitType } from '../organization/organization.types.js';
import { StaffType } from '../organization/organization.types.js';
import { APP_ROLES, type AppRole } from './roles.js';

export const AppRoleEnum = Object.fromEntries(APP_ROLES.map((r) => [r.toUpperCase(), r])) as Record<string, AppRole>;
registerEnumType(AppRoleEnum, {
  name: 'AppRole',
  description: 'What a signed-in user may see and do (docs/security.md).',
  valuesConfig: {
    EXECUTIVE: { description: 'Executive (行长/副行长): reads everything.' },
    HQ_PLANNER: { description: 'HQ planner (计划处): reads everything, makes planning changes, the only role with introspection and GraphiQL.' },
    BRANCH_HEAD: { description: 'Branch head / loan division head (分行行长/贷款处负责人): rows of their own branch; bank-level and per-branch aggregates of all branches.' },
    CLIENT_MANAGER: { description: 'Client manager (客户经理): their own clients, projects, statements, KPIs and rank position.' },
  },
});

@ObjectType('Me', { description: 'The signed-in user.' })
export class MeType {
  @Field({ description: 'Sign-in name.' })
  username!: string;

  @Field({ description: 'Name shown in the dashboard.' })
  displayName!: string;

  @Field(() => AppRoleEnum, { description: 'Role.' })
  role!: AppRole;

  @Field(() => StaffType, { nullable: true, description: 'The person behind the account.' })
  staff?: StaffType | null;

  @Field(() => OrgUnitType, { nullable: true, description: 'Home branch (branch heads and client managers).' })
  branch?: OrgUnitType | null;

  staffId!: number | null;
  branchId!: number | null;
}

@ObjectType('SignInPayload', { description: 'A new session. The dashboard receives it as an HttpOnly cookie too; API clients send `Authorization: Bearer <token>`.' })
export class SignInPayload {
  @Field({ description: 'Bearer token for API clients (keep it secret).' })
  token!: string;

  @Field({ description: 'When the session ends (ISO date-time).' })
  expiresAt!: string;

  @Field(() => MeType, { description: 'Who signed in.' })
  me!: MeType;
}
