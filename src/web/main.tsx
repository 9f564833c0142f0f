/** Entry of the web app: providers, then the route table. Pages load lazily, so this chunk stays small. */
// First: starts the first screen's requests before the modules below run (see the file).
import './app/early-requests.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './app/app-providers.tsx';
import { AppRoutes, preloadFirstPage } from './app/app-routes.tsx';
import './app/app.css';
import { registerServiceWorker } from './sw/register.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The dashboard's chunk is on its way already (early-requests.ts); rendering after it avoids a skeleton flash.
void preloadFirstPage(location.pathname).then(() =>
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <AppProviders>
          <AppRoutes />
        </AppProviders>
      </BrowserRouter>
    </StrictMode>,
  ),
);
// Offline use of the help form (src/web/sw/): registered after the page has loaded, so it costs the first screen nothing.
registerServiceWorker();
