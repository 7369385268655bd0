import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CLIENT_MANAGER_ROLES, type StaffRole } from '@loan-desk/domain';
import type { Context } from '../../context.js';
import { notFound } from '../../common/errors.js';
import { orgLoaders } from './organization.loaders.js';
import { OrganizationRepository } from './organization.repository.js';
import { OrgUnitType, RoleCountType, StaffType, TeamType } from './organization.types.js';

@Resolver(() => OrgUnitType)
export class OrgUnitResolver {
  @Query(() => OrgUnitType, { description: 'The organization tree, from the head office (总行) down: bureaus, divisions, branches and their loan management divisions.' })
  async orgTree(@Ctx() ctx: Context): Promise<OrgUnitType> {
    const root = await new OrganizationRepository(ctx.em).root();
    if (!root) throw notFound('Head office', 'root');
    return root;
  }

  @Query(() => OrgUnitType, { description: 'One organization unit by id.' })
  async orgUnit(@Arg('id', () => ID, { description: 'Unit id.' }) id: string, @Ctx() ctx: Context): Promise<OrgUnitType> {
    const unit = await orgLoaders(ctx).unit.load(Number(id));
    if (!unit) throw notFound('Organization unit', id);
    return unit;
  }

  @Query(() => [OrgUnitType], { description: 'All branches (分行) in display order.' })
  branches(@Ctx() ctx: Context): Promise<OrgUnitType[]> {
    return new OrganizationRepository(ctx.em).branches();
  }

  @Query(() => StaffType, { description: 'One staff member by id.' })
  async staffMember(@Arg('id', () => ID, { description: 'Staff id.' }) id: string, @Ctx() ctx: Context): Promise<StaffType> {
    const s = await orgLoaders(ctx).staff.load(Number(id));
    if (!s) throw notFound('Staff member', id);
    return s;
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Parent unit; null for the head office.' })
  parent(@Root() u: OrgUnitType, @Ctx() ctx: Context): Promise<OrgUnitType | null> | null {
    return u.parentId === null ? null : orgLoaders(ctx).unit.load(u.parentId);
  }

  @FieldResolver(() => [OrgUnitType], { description: 'Units directly below this one.' })
  async children(@Root() u: OrgUnitType, @Ctx() ctx: Context): Promise<OrgUnitType[]> {
    return (await orgLoaders(ctx).children.load(u.id)) ?? [];
  }

  @FieldResolver(() => [RoleCountType], { description: 'Active staff by role in this unit and every unit below it.' })
  async staffByRole(@Root() u: OrgUnitType, @Ctx() ctx: Context): Promise<RoleCountType[]> {
    return ((await orgLoaders(ctx).roleCounts.load(u.id)) ?? []).map((r) => ({ role: r.role as StaffRole, count: r.count }));
  }

  @FieldResolver(() => Int, { description: 'Active staff in this unit and every unit below it.' })
  async staffCount(@Root() u: OrgUnitType, @Ctx() ctx: Context): Promise<number> {
    return ((await orgLoaders(ctx).roleCounts.load(u.id)) ?? []).reduce((s, r) => s + r.count, 0);
  }

  @FieldResolver(() => Int, { description: 'Client managers (senior and regular) in this unit and below.' })
  async clientManagerCount(@Root() u: OrgUnitType, @Ctx() ctx: Context): Promise<number> {
    const roles: readonly string[] = CLIENT_MANAGER_ROLES;
    return ((await orgLoaders(ctx).roleCounts.load(u.id)) ?? []).filter((r) => roles.includes(r.role)).reduce((s, r) => s + r.count, 0);
  }

  @FieldResolver(() => [TeamType], { description: 'Client-manager teams by sector (branches only; empty elsewhere).' })
  async teams(@Root() u: OrgUnitType, @Ctx() ctx: Context): Promise<TeamType[]> {
    return u.kind === 'branch' ? ((await orgLoaders(ctx).teamsOfBranch.load(u.id)) ?? []) : [];
  }
}

@Resolver(() => StaffType)
export class StaffResolver {
  @FieldResolver(() => OrgUnitType, { description: 'Unit the person works in.' })
  async unit(@Root() s: StaffType, @Ctx() ctx: Context): Promise<OrgUnitType> {
    return (await orgLoaders(ctx).unit.load(s.unitId))!;
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Branch the person belongs to; null for head-office staff.' })
  branch(@Root() s: StaffType, @Ctx() ctx: Context): Promise<OrgUnitType | null> | null {
    return s.branchId === null ? null : orgLoaders(ctx).unit.load(s.branchId);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'Sector team of a client manager.' })
  team(@Root() s: StaffType, @Ctx() ctx: Context): Promise<TeamType | null> | null {
    return s.teamId === null ? null : orgLoaders(ctx).team.load(s.teamId);
  }
}

@Resolver(() => TeamType)
export class TeamResolver {
  @FieldResolver(() => OrgUnitType, { description: 'Branch of the team.' })
  async branch(@Root() t: TeamType, @Ctx() ctx: Context): Promise<OrgUnitType> {
    return (await orgLoaders(ctx).unit.load(t.branchId))!;
  }

  @FieldResolver(() => Int, { description: 'Active members.' })
  async memberCount(@Root() t: TeamType, @Ctx() ctx: Context): Promise<number> {
    return (await orgLoaders(ctx).teamMemberCount.load(t.id)) ?? 0;
  }

  @FieldResolver(() => [StaffType], { description: 'Active members, senior client managers first.' })
  async members(@Root() t: TeamType, @Ctx() ctx: Context): Promise<StaffType[]> {
    return (await orgLoaders(ctx).teamMembers.load(t.id)) ?? [];
  }
}
