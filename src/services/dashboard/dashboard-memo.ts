/**
 * Dashboard bodies remembered per county and scope until the county's summary is refreshed (or 5 s): the summary
 * read takes ~3 ms on PGlite, and dashboards are opened far more often than registries change. Writes of grids,
 * groups and pairings (their live counts in the body) announce the topic 'dashboard' through the write envelope.
 */
import type { DashboardBody } from '../../shared/schemas/dashboard.ts';
import { CountyMemo, follow } from '../county-memo.ts';

export const dashboardMemo = follow(new CountyMemo<DashboardBody>(), 'dashboard');
