/**
 * The route table. Every page is a lazy chunk (React.lazy), so the first screen downloads only the shell and the
 * page it shows; the dashboard at "/" belongs to the dashboard work and is mounted here unchanged. /login stands
 * and a plaque's public page (/p/:county/:code) stand outside the shell; every page inside it needs a session (the shell waits for /api/auth/me, a 401 goes to login).
 */
import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { moduleLoader } from '../components/use-loaded-module.ts';
import { ShellLayout } from './shell-layout.tsx';

/**
 * A lazy page that renders without suspending once its chunk has arrived, so a page loaded before the first render
 * (see preloadFirstPage) shows at once instead of behind a skeleton that React keeps for up to 300 ms.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const loader = moduleLoader(load);
  const Lazy = lazy(loader);
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page at module level, like lazy()
  const Page = () => {
    const Loaded = loader.loaded?.default ?? Lazy;
    return <Loaded />;
  };
  return Object.assign(Page, { preload: loader });
}

const NotFoundPage = lazy(() => import('./not-found-page.tsx'));
const LoginPage = lazy(() => import('../auth/login-page.tsx'));
const UsersPage = lazy(() => import('../pages/admin/users-page.tsx'));
const AuditPage = lazy(() => import('../pages/admin/audit-page.tsx'));
const DashboardPage = lazyPage(() => import('../pages/dashboard/dashboard-page.tsx'));

/**
 * Loads the first screen's page before the app renders, when it is the dashboard (whose chunk
 * app/early-requests.ts has already started); resolves at once for other pages, which load as usual.
 */
export function preloadFirstPage(pathname: string): Promise<unknown> {
  return pathname === '/' ? DashboardPage.preload().catch(() => undefined) : Promise.resolve();
}
const MemberListPage = lazy(() => import('../pages/members/member-list-page.tsx'));
const MemberCardPage = lazy(() => import('../pages/members/member-card-page.tsx'));
const MemberFormPage = lazy(() => import('../pages/members/member-form-page.tsx'));
const HouseholdListPage = lazy(() => import('../pages/households/household-list-page.tsx'));
const HouseholdPage = lazy(() => import('../pages/households/household-page.tsx'));
const HouseholdFormPage = lazy(() => import('../pages/households/household-form-page.tsx'));
const NoticeBoardPage = lazy(() => import('../pages/exits/notice-board-page.tsx'));
const GridListPage = lazy(() => import('../pages/grids/grid-list-page.tsx'));
const GridPage = lazy(() => import('../pages/grids/grid-page.tsx'));
const PlanPage = lazy(() => import('../pages/grids/plan-page.tsx'));
const CoveragePage = lazy(() => import('../pages/grids/coverage-page.tsx'));
const CommitmentListPage = lazy(() => import('../pages/commitments/commitment-list-page.tsx'));
const CommitmentPage = lazy(() => import('../pages/commitments/commitment-page.tsx'));
const PointsPage = lazy(() => import('../pages/assessment/points-page.tsx'));
const StarBoardPage = lazy(() => import('../pages/assessment/star-board-page.tsx'));
const PairingListPage = lazy(() => import('../pages/pairings/pairing-list-page.tsx'));
const SuggestionPage = lazy(() => import('../pages/pairings/suggestion-page.tsx'));
const PartyGroupPage = lazy(() => import('../pages/party-groups/party-group-page.tsx'));
const PlaquePrintPage = lazy(() => import('../pages/plaques/plaque-print-page.tsx'));
const FeedbackPage = lazy(() => import('../pages/plaques/feedback-page.tsx'));
const PublicPlaquePage = lazy(() => import('../pages/plaques/public-plaque-page.tsx'));
const HelpRecordPage = lazy(() => import('../pages/help/help-record-page.tsx'));
const HelpVerifyPage = lazy(() => import('../pages/help/help-verify-page.tsx'));
const ProblemsSection = lazy(() => import('../pages/problems/problems-section.tsx'));
const SettingsPage = lazy(() => import('../pages/settings/settings-page.tsx'));
const ActivityListPage = lazy(() => import('../pages/activities/activity-list-page.tsx'));
const ActivityPage = lazy(() => import('../pages/activities/activity-page.tsx'));
const CompliancePage = lazy(() => import('../pages/activities/compliance-page.tsx'));
const MyActivitiesPage = lazy(() => import('../pages/activities/my-activities-page.tsx'));
const ActivitySignInPage = lazy(() => import('../pages/activities/sign-in-page.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="login"
        element={
          <Suspense fallback={null}>
            <LoginPage />
          </Suspense>
        }
      />
      {/* A plaque's public page: anyone with its QR code, no session, no shell. */}
      <Route
        path="p/:county/:code"
        element={
          <Suspense fallback={null}>
            <PublicPlaquePage />
          </Suspense>
        }
      />
      <Route element={<ShellLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="members" element={<MemberListPage />} />
        <Route path="members/new" element={<MemberFormPage />} />
        <Route path="members/:id" element={<MemberCardPage />} />
        <Route path="members/:id/edit" element={<MemberFormPage />} />
        <Route path="households" element={<HouseholdListPage />} />
        <Route path="households/new" element={<HouseholdFormPage />} />
        <Route path="households/:id" element={<HouseholdPage />} />
        <Route path="households/:id/edit" element={<HouseholdFormPage />} />
        <Route path="exit-notices" element={<NoticeBoardPage />} />
        <Route path="grids" element={<GridListPage />} />
        <Route path="grids/:id" element={<GridPage />} />
        <Route path="grid-plans" element={<PlanPage />} />
        <Route path="coverage" element={<CoveragePage />} />
        <Route path="party-groups/:id" element={<PartyGroupPage />} />
        <Route path="plaques" element={<PlaquePrintPage />} />
        <Route path="pairings/:id/plaque" element={<PlaquePrintPage />} />
        <Route path="feedback" element={<FeedbackPage />} />
        <Route path="commitments" element={<CommitmentListPage />} />
        <Route path="commitments/:id" element={<CommitmentPage />} />
        <Route path="my-points" element={<PointsPage />} />
        <Route path="members/:id/points" element={<PointsPage />} />
        <Route path="stars" element={<StarBoardPage />} />
        <Route path="pairings" element={<PairingListPage />} />
        <Route path="pairing-suggestions" element={<SuggestionPage />} />
        <Route path="help/new" element={<HelpRecordPage />} />
        <Route path="help/verify" element={<HelpVerifyPage />} />
        <Route path="problems/*" element={<ProblemsSection />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="activities" element={<ActivityListPage />} />
        <Route path="activities/compliance" element={<CompliancePage />} />
        <Route path="activities/mine" element={<MyActivitiesPage />} />
        <Route path="activities/:id" element={<ActivityPage />} />
        <Route path="activity-sign-in" element={<ActivitySignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
