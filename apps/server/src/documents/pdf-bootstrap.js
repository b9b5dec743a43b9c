// Worker threads start from plain JavaScript: register the TypeScript loader, then load the
// worker itself (the workspace ships sources, not build output; as the simulation's workers do).
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
