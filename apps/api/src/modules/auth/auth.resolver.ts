import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { AppError } from '../../common/errors.js';
import { orgLoaders } from '../organization/organization.loaders.js';
import { OrgUnitType, StaffType } from '../organization/organization.types.js';
import { AuthService } from './auth.service.js';
import { MeType, SignInPayload } from './auth.types.js';
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from './session-token.js';

function secretOf(ctx: Context): Buffer {
  if (!ctx.sessionSecret) throw new AppError('INTERNAL_SERVER_ERROR', 'Sign-in is not configured');
  return ctx.sessionSecret;
}

@Resolver(() => MeType)
export class AuthResolver {
  @Mutation(() => SignInPayload, { description: 'Sign in with username and password. Sets an HttpOnly, SameSite=Strict session cookie and returns a bearer token.' })
  async signIn(
    @Arg('username', { description: 'Sign-in name.' }) username: string,
    @Arg('password', { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    let r: Awaited<ReturnType<AuthService['signIn']>>;
    try {
      r = await ctx.em.transactional((em) => new AuthService(em, secretOf(ctx)).signIn(username, password));
    } catch (err) {
      if (err instanceof AppError && err.extensions.code === 'UNAUTHENTICATED') await new AuthService(ctx.em, secretOf(ctx)).recordFailure(username);
      throw err;
    }
    ctx.http?.res.cookie(SESSION_COOKIE, r.token, { httpOnly: true, sameSite: 'strict', secure: Boolean(ctx.production), path: '/', maxAge: SESSION_TTL_SECONDS * 1000 });
    ctx.viewer = r.viewer;
    return { token: r.token, expiresAt: r.expiresAt, me: { username: r.viewer.username, displayName: r.displayName, role: r.viewer.role, staffId: r.viewer.staffId, branchId: r.viewer.branchId } };
  }

  @Mutation(() => Boolean, { description: 'End the current session (the token stops working at once).' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    ctx.http?.res.clearCookie(SESSION_COOKIE, { path: '/' });
    if (!ctx.viewer) return false;
    const viewer = ctx.viewer;
    return ctx.em.transactional((em) => new AuthService(em, secretOf(ctx)).signOut(viewer));
  }

  @Query(() => MeType, { nullable: true, description: 'The signed-in user, or null when signed out.' })
  async me(@Ctx() ctx: Context): Promise<MeType | null> {
    const v = ctx.viewer;
    if (!v) return null;
    const displayName = (v as { displayName?: string }).displayName ?? v.username;
    return { username: v.username, displayName, role: v.role, staffId: v.staffId, branchId: v.branchId };
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'The person behind the account.' })
  staff(@Root() me: MeType, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return me.staffId === null ? null : orgLoaders(ctx).staff.load(me.staffId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Home branch.' })
  branch(@Root() me: MeType, @Ctx() ctx: Context): Promise<OrgUnitType | null> | null {
    return me.branchId === null ? null : orgLoaders(ctx).unit.load(me.branchId);
  }
}
