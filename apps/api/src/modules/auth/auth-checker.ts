import type { AuthChecker } from 'type-graphql';
import { AppError, forbidden } from '../../common/errors.js';
import type { Context } from '../../context.js';
import type { AppRole } from './roles.js';

export const unauthenticated = (): AppError => new AppError('UNAUTHENTICATED', 'Sign in first');

/** `@Authorized('hq_planner', …)`: signed-in users with one of the roles (any role when none listed). */
export const authChecker: AuthChecker<Context, AppRole> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length && !roles.includes(context.viewer.role)) throw forbidden('Your role may not do this');
  return true;
};
