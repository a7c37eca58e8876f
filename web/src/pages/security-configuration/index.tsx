import { PageHeader } from '../../components/page-header.js';

// Placeholder until this page is built: it only names itself.
export default function Page() {
  return <PageHeader title="Security configuration" subtitle="This page is not built yet." />;
}
