import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes.tsx';
import { AuthProvider } from './auth.tsx';
import { Shell } from './Shell.tsx';
import { ToastProvider } from './toasts.tsx';
import { UnreadCountProvider } from './unreadCount.tsx';

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <UnreadCountProvider>
          <ToastProvider>
            <Shell>
              <AppRoutes />
            </Shell>
          </ToastProvider>
        </UnreadCountProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
