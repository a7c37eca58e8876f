import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.js';

export default function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no page at this address. <Link to="/vulnerabilities">Go to the vulnerability report</Link>.
      </p>
    </>
  );
}
