/** Placeholder until the dashboard lands (owned by the dashboard work; the shell mounts it at "/"). */
export default function DashboardPage() {
  return null;
}
