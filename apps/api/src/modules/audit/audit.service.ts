import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../common/sql.js';
import type { Viewer } from '../../context.js';

/**
 * Records one change in the append-only audit trail. Call it inside the change's transaction
 * (pass the transactional EntityManager) so the entry and the change commit or roll back together.
 */
export async function recordAudit(em: EntityManager, viewer: Pick<Viewer, 'userId' | 'username'> | null, action: string, entity: string, entityId: string | number | null, before: unknown, after: unknown): Promise<void> {
  await sql(em, `INSERT INTO audit_log (user_id, username, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)`, [
    viewer?.userId ?? null, viewer?.username ?? null, action, entity, entityId === null ? null : String(entityId),
    before === undefined || before === null ? null : JSON.stringify(before), after === undefined || after === null ? null : JSON.stringify(after),
  ]);
}
