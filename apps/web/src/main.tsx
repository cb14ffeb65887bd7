import 'bootstrap/dist/css/bootstrap.min.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { RouterProvider } from 'react-router-dom';
import { tokenStorage } from './common/tokenStorage';
import { appStarted } from './features/auth/authSlice';
import { createAppRouter } from './app/router';
import { makeStore } from './app/store';

const store = makeStore();
// Restore the session before the first render so guarded pages wait instead of redirecting.
store.dispatch(appStarted({ hasStoredSession: tokenStorage.read() !== null }));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      <RouterProvider router={createAppRouter()} />
    </Provider>
  </StrictMode>,
);
