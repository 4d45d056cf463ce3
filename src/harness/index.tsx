import { createRoot } from 'react-dom/client';
import { HarnessApp } from './HarnessApp';

// `?api=1.12` plays an Excel without notes (threaded comments), `?api=1.9` one without either.
const apiVersion = new URLSearchParams(window.location.search).get('api') ?? undefined;
createRoot(document.getElementById('root')!).render(<HarnessApp apiVersion={apiVersion} />);
