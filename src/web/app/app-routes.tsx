/**
 * The route table. Every page is a lazy chunk (React.lazy), so the first screen downloads only the shell and the
 * page it shows; the dashboard at "/" belongs to the dashboard work and is mounted here unchanged.
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ShellLayout } from './shell-layout.tsx';

const NotFoundPage = lazy(() => import('./not-found-page.tsx'));
const DashboardPage = lazy(() => import('../pages/dashboard/dashboard-page.tsx'));
const MemberListPage = lazy(() => import('../pages/members/member-list-page.tsx'));
const MemberCardPage = lazy(() => import('../pages/members/member-card-page.tsx'));
const MemberFormPage = lazy(() => import('../pages/members/member-form-page.tsx'));
const HouseholdListPage = lazy(() => import('../pages/households/household-list-page.tsx'));
const HouseholdPage = lazy(() => import('../pages/households/household-page.tsx'));
const HouseholdFormPage = lazy(() => import('../pages/households/household-form-page.tsx'));
const GridListPage = lazy(() => import('../pages/grids/grid-list-page.tsx'));
const GridPage = lazy(() => import('../pages/grids/grid-page.tsx'));
const PlanPage = lazy(() => import('../pages/grids/plan-page.tsx'));
const CoveragePage = lazy(() => import('../pages/grids/coverage-page.tsx'));
const PartyGroupPage = lazy(() => import('../pages/party-groups/party-group-page.tsx'));

export function AppRoutes() {
  return (
    <Routes>
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
        <Route path="grids" element={<GridListPage />} />
        <Route path="grids/:id" element={<GridPage />} />
        <Route path="grid-plans" element={<PlanPage />} />
        <Route path="coverage" element={<CoveragePage />} />
        <Route path="party-groups/:id" element={<PartyGroupPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
