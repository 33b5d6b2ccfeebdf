import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionLost, setCsrfToken } from './api';
import type { AuthState } from './api';

interface AuthContextValue {
  state: AuthState | null;
  /** The /auth/state answer could not be read (server down). */
  error: string | null;
  /** After setup, login or logout: the answer becomes the new state. */
  accept: (state: AuthState) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const accept = useCallback((next: AuthState) => {
    setCsrfToken(next.csrfToken);
    setState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get('/auth/state'));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The server cannot be reached');
    }
  }, [accept]);

  const logout = useCallback(async () => {
    // Unmount the signed-in app first, so no stream or refresh asks for data with a dead session.
    setState(null);
    try {
      await api.post('/auth/logout');
    } finally {
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    onSessionLost(() => void refresh());
    void refresh();
  }, [refresh]);

  const value = useMemo(
    () => ({ state, error, accept, refresh, logout }),
    [state, error, accept, refresh, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user's session; only used below the sign-in gate. */
export function useSession() {
  const { state, logout } = useAuth();
  if (!state?.user || !state.workspace || !state.role) throw new Error('useSession without a session');
  return { user: state.user, workspace: state.workspace, role: state.role, logout };
}
