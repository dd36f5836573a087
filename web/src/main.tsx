import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/index.ts';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

// Render only once the catalog is in place, so the first paint is already in the right language.
await initI18n();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
