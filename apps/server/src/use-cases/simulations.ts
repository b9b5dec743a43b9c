// Starting and cancelling simulation runs, with both in the audit log. A run lives in memory only
// (simulations/runs.ts) and is forgotten an hour after it ends; the log keeps who ran or stopped
// what, when: the run's id, the date of the law, the reform's name, whether the population was
// generated or uploaded, and how many workers it held. Never the uploaded file, its name, its
// place on disk or any of its rows: those are workers' data (docs/api.md, Simulations).
import { authorise } from '../access.ts';
import type { Run, RunRequest, SimulationRuns } from '../simulations/runs.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';

/** What the audit log keeps of a run: counts and names, nothing of a file. */
function audited(run: Run) {
  const { at, population, reform } = run.request;
  return {
    at,
    population: population.kind === 'upload' ? 'uploaded' : 'generated',
    workers: population.workers,
    reform:
      reform === null
        ? null
        : {
            id: reform.id,
            title: reform.title,
            ...(reform.description !== undefined ? { description: reform.description } : {}),
            from: reform.from,
          },
  };
}

/**
 * Queues a run for the actor (503 when the queue is full) and logs its start. The run is held
 * until the entry is written: a run whose start could not be logged is cancelled before it
 * starts, so no run goes unrecorded (and none runs while its request waits for the database).
 */
export async function startSimulation(
  ctx: Context,
  runs: SimulationRuns,
  request: RunRequest,
  notes: string[],
): Promise<Run> {
  authorise(ctx.actor, 'simulation.run');
  const run = runs.submit(ctx.actor.userId, request, notes, { hold: true });
  try {
    await change(ctx, ({ audit }) => audit('start', 'simulations', run.id, null, audited(run)));
  } catch (e) {
    runs.cancel(run);
    throw e;
  }
  runs.resume(run);
  return run;
}

/**
 * Cancels a run the actor may cancel (the route checks who): a queued one never starts; a running
 * one is answered once its threads are gone, so the status said is the true one. Logged when it
 * stopped the run, not when the run had already ended.
 */
export async function cancelSimulation(ctx: Context, runs: SimulationRuns, run: Run): Promise<Run> {
  const before = run.status;
  if (before === 'running') {
    await new Promise<void>((resolve) => {
      const stop = runs.watch(run, (r) => {
        if (r.status !== 'running') {
          stop();
          resolve();
        }
      });
      runs.cancel(run);
    });
  } else runs.cancel(run);
  if (run.status === 'cancelled' && (before === 'queued' || before === 'running'))
    await change(ctx, ({ audit }) =>
      audit(
        'cancel',
        'simulations',
        run.id,
        { ...audited(run), status: before },
        // How far it got: the workers evaluated before it stopped.
        { ...audited(run), status: run.status, done: run.progress.done },
      ),
    );
  return run;
}
