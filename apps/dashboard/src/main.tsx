import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './app/apollo';
import { I18nProvider } from './app/i18n';
import { App } from './app/App';
import { SessionGate } from './app/session';
import './styles.css';

const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <I18nProvider>
        <SessionGate>
          <App />
        </SessionGate>
      </I18nProvider>
    </ApolloProvider>
  </StrictMode>,
);
