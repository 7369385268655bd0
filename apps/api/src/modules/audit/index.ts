import { AuditResolver } from './audit.resolver.js';

export const auditResolvers = [AuditResolver];
export { recordAudit } from './audit.service.js';
