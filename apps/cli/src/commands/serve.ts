import { REPO_ROOT } from '@tulay/store';
import { serve, serveOptionsFromEnv } from '@tulay/server';
import type { Io } from '../io.ts';
import { EXIT } from '../io.ts';

/** `tulay serve`: starts the API (PORT, HOST, DATABASE_URL from the environment; flags win) until interrupted. */
export async function serveCommand(
  io: Io,
  flags: { port?: string | undefined; host?: string | undefined },
): Promise<number> {
  const env = {
    ...process.env,
    ...(flags.port !== undefined ? { PORT: flags.port } : {}),
    ...(flags.host !== undefined ? { HOST: flags.host } : {}),
  };
  let options;
  try {
    options = serveOptionsFromEnv(env, REPO_ROOT);
  } catch (e) {
    io.err(`tulay: ${(e as Error).message}`);
    return EXIT.invalidInput;
  }
  const { app } = await serve(options);
  await new Promise<void>((resolve) => {
    const stop = () => {
      void app.close().then(() => {
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
