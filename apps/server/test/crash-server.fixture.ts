// Runs the API over the SQLite file named on the command line and prints its address: the crash
// test kills this process in the middle of writes.
import { openStore } from '@tulay/store';
import { buildApp } from '../src/app.ts';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: crash-server.fixture.ts FILE.sqlite');
const store = openStore({ sqlitePath: file });
const { app } = await buildApp({ store, logLevel: 'silent', rateLimitPerMinute: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ address })}\n`);
