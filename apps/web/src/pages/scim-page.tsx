import { PageHeader } from '../components/page-header.tsx';

export function ScimPage() {
  return <PageHeader title="ScimPage" />;
}
