import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { listAudit } from './audit.repo.js';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema.js';

/** The audit trail: who changed what, when, with the JSON diff. */
export const auditModule: ModuleFactory = (deps, ctx) => {
  const routes = createRouteBuilder(ctx.openapi);
  routes.add(
    { method: 'get', path: '/audit', auth: { kind: 'user', roles: ['planner', 'approver', 'analyst'] }, doc: { summary: 'Audit entries, newest first (filter by entity)', tags: ['audit'], query: AuditQuerySchema, response: AuditPageSchema } },
    async (req, res) => {
      const query = parseInput(AuditQuerySchema, req.query, 'query');
      const entries = await listAudit(deps.db, query);
      const last = entries.at(-1);
      res.json({ entries, cursor: entries.length === query.limit && last ? last.id : null });
    },
  );
  return { name: 'audit', router: routes.router, routeTable: routes.routeTable };
};
