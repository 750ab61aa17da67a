// First: sets <html data-theme> from the stored choice before anything renders.
import './theme.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { Providers } from './providers.tsx';
import { preloadFor } from './preload.ts';
import { decodeSelection } from '../core/share/url-codec.ts';
import './styles.css';
import './pages.css';

// Console and test hook: predictions computed in this page (loads the engine on first call).
window.__rooflightPredict = async (specs) =>
  (await import('../adapters/engine-browser.ts')).predictSpecs(specs);

preloadFor(decodeSelection(window.location.search).selection);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
