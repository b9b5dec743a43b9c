import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { RouterProvider } from './router.tsx';
import { registerServiceWorker } from './service-worker.ts';
import './styles/app.css';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <RouterProvider>
        <I18nProvider>
          <App />
        </I18nProvider>
      </RouterProvider>
    </StrictMode>,
  );

registerServiceWorker();

// Printed results show every disclosure ("why?", schemes that do not cover): open them for the
// print, and close again the ones that were closed.
let closedForPrint: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  closedForPrint = [...document.querySelectorAll('details')].filter((d) => !d.open);
  for (const d of closedForPrint) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of closedForPrint) d.open = false;
  closedForPrint = [];
});
