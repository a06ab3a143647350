import { PageHeader } from '../components/page-header.tsx';

export function GroupsPage() {
  return <PageHeader title="GroupsPage" />;
}
