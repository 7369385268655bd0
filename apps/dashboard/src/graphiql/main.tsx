import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

// GraphiQL (and Monaco) are heavy: this entry only boots React and loads the IDE lazily.
const GraphiqlPage = lazy(() => import('./GraphiqlPage'));

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <Suspense fallback={<div className="boot">Loading GraphiQL…</div>}>
      <GraphiqlPage />
    </Suspense>
  </StrictMode>,
);
