// Worker threads start from plain JavaScript: register the TypeScript loader, then load the
// worker itself (the workspace ships sources, not build output; see docs/adr/0001).
import { register } from 'tsx/esm/api';

register();
await import('./evaluate-worker.ts');
