import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Loaders } from './common/loaders.js';

/** Who is asking. Filled by the auth module; null when signed out. */
export interface Viewer {
  userId: number;
  staffId: number | null;
  role: string;
  branchId: number | null;
}

export interface Context {
  /** A fork of the EntityManager for this request only (identity map not shared). */
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer | null;
}

export function createContext(orm: MikroORM, viewer: Viewer | null = null): Context {
  return { em: orm.em.fork(), loaders: new Loaders(), viewer };
}
