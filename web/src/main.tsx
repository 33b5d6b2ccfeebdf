import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyStoredTheme } from './theme';
// One stylesheet per concern; order matters (the phone layout overrides the rest).
import './styles/base.css';
import './styles/shell.css';
import './styles/blocks.css';
import './styles/features.css';
import './styles/inbox.css';
import './styles/panels.css';
import './styles/phone.css';
import './styles/theme.css';

// Before the first paint, so a chosen theme never flashes the other one.
applyStoredTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
