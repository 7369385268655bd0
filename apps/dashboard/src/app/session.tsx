import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { MeQuery as MeData } from '../gql/graphql';
import { useI18n } from './i18n';
import { Loading, ErrorState } from '../ui/states';

export const MeQuery = graphql(`
  query Me {
    me {
      username
      displayName
      role
      branch {
        id
        name
        nameZh
      }
      staff {
        id
      }
    }
  }
`);

const SignInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      expiresAt
      me {
        username
      }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export type Me = NonNullable<MeData['me']>;

interface Session {
  me: Me;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside SessionGate');
  return s;
}

function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const client = useApolloClient();
  const [signIn, { loading, error }] = useMutation(SignInMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await signIn({ variables: { username: username.trim(), password } }).catch(() => null);
    // The session cookie is set: refetch everything (including `me`) as the new viewer.
    if (res?.data?.signIn) await client.resetStore();
  };
  return (
    <div className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)} data-testid="signin-form">
        <div className="brand signin-brand">
          <div className="brand-mark">L</div>
          <div>
            <div className="brand-name">{t('app.title')}</div>
            <div className="brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <h1>{t('signin.title')}</h1>
        <label>
          {t('signin.username')}
          <input type="text" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required data-testid="signin-username" />
        </label>
        <label>
          {t('signin.password')}
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="signin-password" />
        </label>
        {error && (
          <div className="signin-error" role="alert">
            {error.message}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={loading} data-testid="signin-submit">
          {loading ? t('state.loading') : t('signin.submit')}
        </button>
        <p className="signin-hint">{t('signin.demoHint')}</p>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('lang.switch')}
        </button>
      </form>
    </div>
  );
}

/** Shows the sign-in page until the API knows the viewer; then provides the session. */
export function SessionGate({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(MeQuery);
  const [signOut] = useMutation(SignOutMutation);
  if (loading && !data) return <Loading height={400} />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} height={400} />;
  const me = data?.me ?? null;
  if (me === null) return <SignInPage />;
  const session: Session = {
    me,
    signOut: async () => {
      await signOut().catch(() => null);
      // `me` comes back null first: the pages unmount and their queries still being refetched are
      // aborted, which rejects resetStore with an AbortError (expected, not an error of the page).
      await client.resetStore().catch((e: unknown) => {
        if ((e as { name?: unknown } | null)?.name !== 'AbortError') throw e;
      });
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
