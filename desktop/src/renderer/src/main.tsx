import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@xyflow/react/dist/style.css';
import './styles/global.css';
import { App } from './app/App.js';
import { createI18n } from './i18n/i18n.js';
import { ToastProvider } from './ui/toast.js';

const i18n = createI18n(localStorage, navigator.language);
document.documentElement.lang = i18n.language === 'en' ? 'en' : 'zh-CN';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </I18nextProvider>
  </StrictMode>,
);
