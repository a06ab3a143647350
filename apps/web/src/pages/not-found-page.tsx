import { PageHeader } from '../components/page-header.tsx';
import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is nothing here. Go to <Link to="/users">Users</Link>.
      </p>
    </>
  );
}
