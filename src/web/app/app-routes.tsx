/**
 * The route table. Every page is a lazy chunk (React.lazy), so the first screen downloads only the shell and the
 * page it shows; the dashboard at "/" belongs to the dashboard work and is mounted here unchanged. /login stands
 * outside the shell; every page inside it needs a session (the shell waits for /api/auth/me, a 401 goes to login).
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ShellLayout } from './shell-layout.tsx';

const NotFoundPage = lazy(() => import('./not-found-page.tsx'));
const LoginPage = lazy(() => import('../auth/login-page.tsx'));
const UsersPage = lazy(() => import('../pages/admin/users-page.tsx'));
const AuditPage = lazy(() => import('../pages/admin/audit-page.tsx'));
const DashboardPage = lazy(() => import('../pages/dashboard/dashboard-page.tsx'));
const MemberListPage = lazy(() => import('../pages/members/member-list-page.tsx'));
const MemberCardPage = lazy(() => import('../pages/members/member-card-page.tsx'));
const MemberFormPage = lazy(() => import('../pages/members/member-form-page.tsx'));
const HouseholdListPage = lazy(() => import('../pages/households/household-list-page.tsx'));
const HouseholdPage = lazy(() => import('../pages/households/household-page.tsx'));
const HouseholdFormPage = lazy(() => import('../pages/households/household-form-page.tsx'));

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
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
