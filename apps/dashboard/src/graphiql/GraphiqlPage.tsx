import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { EXAMPLE_TABS } from './example-queries';

const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/graphql` });

export default function GraphiqlPage() {
  return <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLE_TABS} defaultEditorToolsVisibility="variables" />;
}
