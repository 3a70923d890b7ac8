import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, initTransport, toErrorPayload } from './api.js';
import { App } from './app.js';
import { FatalError } from './fatal-error.js';
import { initI18n } from './i18n/index.js';
import { applyTheme } from './lib/theme.js';
import './styles/app.css';

/** Loads settings before the first paint, so the window opens in the user's language and theme. */
async function boot(): Promise<void> {
  initTransport();
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  try {
    const [settings, info] = await Promise.all([api['settings.get']({}), api['app.info']({})]);
    applyTheme(settings.theme);
    await initI18n(settings.language);
    root.render(
      <StrictMode>
        <App initialSettings={settings} initialInfo={info} />
      </StrictMode>,
    );
  } catch (e) {
    await initI18n(navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en');
    root.render(<FatalError error={toErrorPayload(e)} />);
  }
}

void boot();
