import { PageHeader } from '../components/page-header.tsx';

export function GroupPage({ id }: { id: string }) {
  return <PageHeader title={id} />;
}
