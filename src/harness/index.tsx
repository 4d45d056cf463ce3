import { createRoot } from 'react-dom/client';
import { HarnessApp } from './HarnessApp';

// `?api=1.12` plays an Excel without notes (threaded comments), `?api=1.9` one without either.
// `?theme=dark` plays Office's dark theme.
const params = new URLSearchParams(window.location.search);
const apiVersion = params.get('api') ?? undefined;
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
createRoot(document.getElementById('root')!).render(<HarnessApp apiVersion={apiVersion} theme={theme} />);
