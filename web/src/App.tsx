import { useEffect } from 'react';
import { AuthProvider, useAuth } from './auth';
import { Layout } from './components/Layout';
import { ErrorNote, Loading } from './components/Notice';
import { DevicesProvider } from './devices';
import { LiveProvider } from './live';
import { Login } from './pages/Login';
import { Setup } from './pages/Setup';
import { SignInCode, SignInEnrol } from './pages/SignInStep';
import { Routes } from './Routes';

function Gate() {
  const { state, error, refresh } = useAuth();
  const signedOut = !state?.user;
  useEffect(() => {
    if (signedOut) document.title = 'Sign in · WAPing';
  }, [signedOut]);
  if (!state) {
    return (
      <main className="center">
        {error ? (
          <>
            <ErrorNote message={error} />
            <button type="button" onClick={() => void refresh()}>
              Retry
            </button>
          </>
        ) : (
          <Loading />
        )}
      </main>
    );
  }
  if (state.needsSetup) return <Setup />;
  if (!state.user && state.pendingStep === 'two_factor_code') return <SignInCode />;
  if (!state.user && state.pendingStep === 'two_factor_enrolment') return <SignInEnrol />;
  if (!state.user) return <Login />;
  return (
    // Keyed by user so signing in as someone else starts from fresh data and streams.
    <LiveProvider key={state.user.id}>
      <DevicesProvider>
        <Layout>
          <Routes />
        </Layout>
      </DevicesProvider>
    </LiveProvider>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}
