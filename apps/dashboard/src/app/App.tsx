import { lazy, Suspense } from 'react';
import { useI18n } from './i18n';
import { useRoute } from './router';
import { Layout } from './Layout';
import { Loading } from '../ui/states';
import type { Page } from './url-state';
import type { MessageKey } from './messages';
import { useSession } from './session';
import { capabilitiesOf } from './capabilities';

// Every page is its own lazy chunk: the initial bundle is the shell only.
const pages: Record<Page, React.LazyExoticComponent<() => React.JSX.Element>> = {
  overview: lazy(() => import('../features/overview/OverviewPage')),
  branch: lazy(() => import('../features/branch/BranchPage')),
  rankings: lazy(() => import('../features/rankings/RankingsPage')),
  staffing: lazy(() => import('../features/staffing/StaffingPage')),
  portfolio: lazy(() => import('../features/portfolio/PortfolioPage')),
  import: lazy(() => import('../features/import/ImportPage')),
};

const TITLES: Record<Page, MessageKey> = {
  overview: 'overview.title',
  branch: 'branch.title',
  rankings: 'rankings.title',
  staffing: 'staffing.title',
  portfolio: 'portfolio.title',
  import: 'import.title',
};

export function App() {
  const route = useRoute();
  const { t } = useI18n();
  const { me } = useSession();
  // A page the role cannot use falls back to Overview.
  const page = capabilitiesOf(me.role).pages.includes(route.page) ? route.page : 'overview';
  const PageComponent = pages[page];
  return (
    <Layout title={t(page === 'overview' && me.role === 'CLIENT_MANAGER' ? 'overview.titleOwn' : TITLES[page])}>
      <Suspense fallback={<Loading height={400} />}>
        <PageComponent />
      </Suspense>
    </Layout>
  );
}
