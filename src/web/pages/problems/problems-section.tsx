/**
 * The problem pages under /problems, one lazy chunk with its own routes: the shell holds a single route entry for
 * them (its first-screen JS budget is full).
 */
import { Route, Routes } from 'react-router';
import WarningsPage from '../warnings/warnings-page.tsx';
import OverdueBoardPage from './overdue-board-page.tsx';
import ProblemInboxPage from './problem-inbox-page.tsx';
import ProblemPage from './problem-page.tsx';
import './problems.css';

export default function ProblemsSection() {
  return (
    <Routes>
      <Route index element={<ProblemInboxPage />} />
      <Route path="overdue" element={<OverdueBoardPage />} />
      <Route path="warnings" element={<WarningsPage />} />
      <Route path=":id" element={<ProblemPage />} />
    </Routes>
  );
}
