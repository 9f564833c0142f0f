/** /api/counties/:county/audit — the audit trail (filtered to the reader's scope) and its chain check. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAudit } from '../../services/audit/list-audit.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit.ts';
import { AuditChainState, AuditEntryView, AuditQuery } from '../../shared/schemas/access.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';

const tags = ['audit'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'audit.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'Audit entries by person, record, action and time',
        params: CountyParams,
        querystring: AuditQuery,
        response: { 200: PageOf(AuditEntryView), ...ERROR_RESPONSES },
      },
    },
    async (req) => listAudit(app.db, req.params.county, req.access.unit ?? req.params.county, req.query),
  );
  app.get(
    '/verify',
    {
      config: { permission: 'audit.read', scope: { param: 'county' } },
      schema: {
        tags,
        summary: "Re-compute the county's hash chain; the first broken link",
        params: CountyParams,
        response: {
          200: AuditChainState,
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req) => verifyAuditChain(app.db, req.params.county),
  );
};

export default routes;
