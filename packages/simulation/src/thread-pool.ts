import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('./worker/bootstrap.js', import.meta.url);

let liveThreads = 0;

/** Worker threads of every run in this process that have started and not yet exited. */
export function liveWorkerThreads(): number {
  return liveThreads;
}

/** Starts one evaluation thread; it waits for a run's setup message before any chunk. */
export function startThread(): Worker {
  const w = new Worker(BOOTSTRAP);
  liveThreads++;
  w.once('exit', () => {
    liveThreads--;
  });
  return w;
}

/**
 * Evaluation threads kept between runs (a server's): a thread takes a second or more to start —
 * it loads the engine — which a run of a few hundred thousand workers would otherwise pay each
 * time. A run takes the threads it needs, sends them its law, and gives them back idle when it
 * ends; a run that is cancelled or fails has them terminated (a chunk may still be in flight),
 * and the next run starts fresh ones.
 */
export class ThreadPool {
  private threads: Worker[] = [];

  /** `n` running threads, started where there are fewer. */
  take(n: number): readonly Worker[] {
    while (this.threads.length < n) {
      const w = startThread();
      // Idle threads do not keep the process alive; a run in progress awaits its own promise.
      w.unref();
      w.once('exit', () => {
        this.threads = this.threads.filter((t) => t !== w);
      });
      this.threads.push(w);
    }
    return this.threads.slice(0, n);
  }

  /** Threads started and not exited. */
  get size(): number {
    return this.threads.length;
  }

  /** Terminates every thread now (a cancelled or failed run, or the server closing). */
  async discard(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((w) => w.terminate()));
  }
}
