import { applyVariant, CampaignSchema, PrimaryMetricSchema, type Campaign } from '@promo/shared';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { AppError } from '../app/app-error.js';
import type { AppDeps } from '../app/deps.js';
import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import type { Role } from '../auth/roles.js';
import { currentUser } from '../auth/auth.middleware.js';
import { createCampaignService } from '../campaigns/campaign.service.js';
import { campaignsOfTheme, getCampaignRow, toDoc, type CampaignRow } from '../campaigns/campaign.repo.js';
import { getVersion } from '../campaigns/campaign-versions.repo.js';
import { getThemeRow, toThemeDoc } from '../themes/theme.repo.js';
import { decideWinner, experimentResults } from '../experiments/experiment-results.service.js';
import { buildEffectReport } from '../reports/effect-report.service.js';
import { campaignResponse, ResponseBySchema } from '../reports/campaign-response.service.js';
import { reportCsv, reportHtml } from '../reports/report-render.js';

/** Reading results is the analyst's job; planners and approvers act on them (admin always). */
const ANALYSTS: Role[] = ['analyst', 'planner', 'approver'];

const IdParams = z.object({ id: z.string().min(1).max(64) });
const WindowQuery = z.object({ from: z.coerce.number().int().nonnegative().optional(), to: z.coerce.number().int().positive().optional() });
const ReportQuery = WindowQuery.extend({ format: z.enum(['json', 'html', 'csv']).default('json'), lang: z.enum(['zh', 'en']).default('zh') });
const ResponseQuery = WindowQuery.extend({ by: ResponseBySchema.default('segment') });
const PromoteBody = z.object({
  primaryMetric: PrimaryMetricSchema.optional(),
  minExposuresPerVariant: z.number().int().min(2).max(10_000_000).optional(),
  /** Save the winner as the campaign's new working copy (it still needs publishing). Default true. */
  apply: z.boolean().default(true),
});

function campaignOf(row: CampaignRow | undefined, id: string): Campaign {
  if (!row || row.deleted) throw new AppError('not_found', `campaign ${id} not found`);
  const { createdBy: _c, updatedAt: _u, updatedBy: _b, publishedVersion: _p, ...doc } = toDoc(row);
  return CampaignSchema.parse(doc);
}

/**
 * The campaign as it ran: its published version (the working copy may hold draft edits that never
 * ran: other variants, weights or dates), with today's status; the working copy if never published.
 */
async function ranCampaign(db: AppDeps['db'], row: CampaignRow | undefined, id: string): Promise<Campaign> {
  const working = campaignOf(row, id);
  if (row?.published_version === null || row?.published_version === undefined) return working;
  const published = await getVersion(db, id, Number(row.published_version));
  return published ? { ...published.doc, status: working.status } : working;
}

function windowOf(query: z.infer<typeof WindowQuery>, start: number, end: number, now: number) {
  const from = query.from ?? start;
  const to = query.to ?? Math.min(end, now);
  if (to <= from) throw new AppError('bad_request', 'query: to must be after from', { issues: [{ field: 'to', message: 'must be after from' }] });
  return { from, to };
}

/** A/B results, promote-winner and effect reports (HTML with SVG charts, CSV, JSON). */
export const analyticsModule: ModuleFactory = (deps: AppDeps, ctx) => {
  const routes = createRouteBuilder(ctx.openapi);
  const campaigns = createCampaignService(deps);
  const tags = ['analytics'];

  routes.add(
    { method: 'get', path: '/experiments/:id/results', auth: { kind: 'user', roles: ANALYSTS }, doc: { summary: 'A/B results of a campaign experiment: per-arm exposures, conversion, revenue per user, discount cost, ROI, z-test, Welch t-test, SRM', tags, params: IdParams, query: WindowQuery } },
    async (req, res) => {
      const { id } = parseInput(IdParams, req.params, 'params');
      const query = parseInput(WindowQuery, req.query, 'query');
      const campaign = await ranCampaign(deps.db, await getCampaignRow(deps.db, id), id);
      if (!campaign.experiment) throw new AppError('not_found', `campaign ${id} has no experiment`);
      res.json(await experimentResults(deps.db, campaign, windowOf(query, Date.parse(campaign.schedule.start), Date.parse(campaign.schedule.end), deps.clock.now())));
    },
  );

  routes.add(
    { method: 'post', path: '/experiments/:id/promote-winner', auth: { kind: 'user', roles: ANALYSTS }, doc: { summary: 'Decide the winner with the shared statistics and save it as the working copy (409 with the decision when there is no significant winner; apply=false only previews)', tags, params: IdParams, body: PromoteBody } },
    async (req, res) => {
      const { id } = parseInput(IdParams, req.params, 'params');
      const body = parseInput(PromoteBody, req.body ?? {});
      const row = await getCampaignRow(deps.db, id);
      const working = campaignOf(row, id);
      // Decided on what ran; rolled out onto the working copy, keeping its draft edits.
      const ran = await ranCampaign(deps.db, row, id);
      const decision = await decideWinner(deps.db, ran, windowOf({}, Date.parse(ran.schedule.start), Date.parse(ran.schedule.end), deps.clock.now()), body);
      let saved: { version: number } | null = null;
      // Without a significant winner nothing is rolled out; `apply: false` previews the decision.
      if (body.apply && (!decision.winner || !decision.campaign)) throw new AppError('conflict', decision.reason.message.en, { decision });
      if (body.apply && decision.winner && decision.campaign) {
        // The draft must still hold the winner's overrides, and the nodes they patch, as they ran: else
        // the rollout would not be what was measured.
        const overridesOf = (c: Campaign) => c.experiment?.variants.find((v) => v.key === decision.winner)?.overrides ?? {};
        const patchedNodes = (c: Campaign) => c.graph.nodes.filter((n) => Object.hasOwn(overridesOf(ran), n.id));
        if (!isDeepStrictEqual(overridesOf(working), overridesOf(ran)) || !isDeepStrictEqual(patchedNodes(working), patchedNodes(ran))) {
          throw new AppError('conflict', `the working copy's draft changed variant "${decision.winner}" or the nodes it patches since it ran; publish or discard the draft edits, then promote again`, { decision });
        }
        const onto = applyVariant(working, decision.winner);
        if (!onto.ok) throw new AppError('conflict', `variant "${decision.winner}" cannot be applied to the working copy`, { decision, problems: onto.problems });
        const result = await campaigns.save({ ...onto.campaign, id }, working.version, currentUser(res).username);
        if (result.status === 'conflict') throw new AppError('conflict', 'the campaign changed meanwhile; reload and retry', { serverVersion: result.serverVersion });
        saved = { version: result.version };
      }
      res.json({ decision, saved });
    },
  );

  async function sendReport(res: Parameters<Parameters<typeof routes.add>[1]>[1], report: Awaited<ReturnType<typeof buildEffectReport>>, query: z.infer<typeof ReportQuery>): Promise<void> {
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="report-${report.subject.kind}-${report.subject.id}.csv"`);
      res.send(reportCsv(report));
    } else if (query.format === 'html') {
      res.type('html').send(reportHtml(report, query.lang));
    } else {
      res.json(report);
    }
  }

  routes.add(
    { method: 'get', path: '/reports/campaigns/:id', auth: { kind: 'user', roles: ANALYSTS }, doc: { summary: 'Effect report of a campaign (format=json|html|csv, lang=zh|en)', tags, params: IdParams, query: ReportQuery } },
    async (req, res) => {
      const { id } = parseInput(IdParams, req.params, 'params');
      const query = parseInput(ReportQuery, req.query, 'query');
      const campaign = await ranCampaign(deps.db, await getCampaignRow(deps.db, id), id);
      const window = windowOf(query, Date.parse(campaign.schedule.start), Date.parse(campaign.schedule.end), deps.clock.now());
      const report = await buildEffectReport(deps.db, { subject: { kind: 'campaign', id, name: query.lang === 'en' ? (campaign.nameEn ?? campaign.name) : campaign.name }, campaigns: [campaign], window, budget: campaign.limits.budget ?? null });
      await sendReport(res, report, query);
    },
  );

  routes.add(
    { method: 'get', path: '/reports/campaigns/:id/response', auth: { kind: 'user', roles: ANALYSTS }, doc: { summary: 'Response of a campaign by segment (new / active / dormant / high value), region or channel: exposed, buyers, orders, GMV, discount, response rate', tags, params: IdParams, query: ResponseQuery } },
    async (req, res) => {
      const { id } = parseInput(IdParams, req.params, 'params');
      const query = parseInput(ResponseQuery, req.query, 'query');
      const campaign = await ranCampaign(deps.db, await getCampaignRow(deps.db, id), id);
      res.json(await campaignResponse(deps.db, id, windowOf(query, Date.parse(campaign.schedule.start), Date.parse(campaign.schedule.end), deps.clock.now()), query.by));
    },
  );

  routes.add(
    { method: 'get', path: '/reports/themes/:id', auth: { kind: 'user', roles: ANALYSTS }, doc: { summary: 'Effect report of a festival theme over its campaigns (format=json|html|csv)', tags, params: IdParams, query: ReportQuery } },
    async (req, res) => {
      const { id } = parseInput(IdParams, req.params, 'params');
      const query = parseInput(ReportQuery, req.query, 'query');
      const row = await getThemeRow(deps.db, id);
      if (!row || row.deleted) throw new AppError('not_found', `theme ${id} not found`);
      const theme = toThemeDoc(row);
      const members = await Promise.all((await campaignsOfTheme(deps.db, id)).map((r) => ranCampaign(deps.db, r, r.id)));
      const window = windowOf(query, Date.parse(theme.start), Date.parse(theme.end), deps.clock.now());
      const report = await buildEffectReport(deps.db, { subject: { kind: 'theme', id, name: query.lang === 'en' ? (theme.nameEn ?? theme.name) : theme.name }, campaigns: members, window, budget: theme.budget ?? null });
      await sendReport(res, report, query);
    },
  );

  return { name: 'analytics', router: routes.router, routeTable: routes.routeTable };
};
