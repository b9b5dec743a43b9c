// The simulation API as the studio uses it (docs/api.md, Simulations): same-origin requests with
// the session cookie, and the CSRF token the server asks for on every POST.

export interface IndicatorRow {
  readonly dimension: 'all' | 'corridor' | 'sex' | 'sector' | 'documented';
  readonly group: string;
  readonly indicator: string;
  readonly detail: string;
  readonly baseline: number;
  readonly reform: number;
  readonly workers: number;
  readonly sample: number;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Run {
  readonly id: string;
  readonly status: RunStatus;
  readonly queue_position: number | null;
  readonly progress: {
    readonly done: number;
    readonly total: number;
    readonly rate: number;
    readonly eta: number | null;
  };
  readonly notes: readonly string[];
  readonly error: string | null;
  readonly request: {
    readonly at: string;
    readonly corridors: readonly { readonly origin: string; readonly destination: string }[];
    readonly population:
      | { readonly generate: number; readonly seed: number }
      | { readonly uploaded: true; readonly workers: number; readonly rows: number };
    readonly reform: { readonly id: string; readonly title: string; readonly from: string } | null;
  };
  readonly summary: {
    /** Where the population came from (an uploaded file is never named). */
    readonly population: 'generated' | 'uploaded';
    readonly workers: number;
    readonly stands_for: number;
    readonly seconds: number;
    readonly path: string;
    readonly indicators: readonly IndicatorRow[];
  } | null;
}

export interface CalibratedCorridor {
  readonly origin: string;
  readonly destination: string;
  readonly stock: number;
  readonly is_estimate: boolean;
}

export interface Me {
  readonly id: string;
  readonly display_name: string;
  readonly role: string;
}

/** An error the API answered, with the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly { readonly path: string; readonly message: string }[] = [],
  ) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as { error?: { code: string; message: string; fields?: [] } } | null)?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'http',
      e?.message ?? `the server answered ${res.status}`,
      e?.fields ?? [],
    );
  }
  return body as T;
}

let csrf: Promise<string> | undefined;

function csrfToken(): Promise<string> {
  csrf ??= fetch('/api/auth/csrf', { credentials: 'same-origin' })
    .then((r) => answer<{ token: string }>(r))
    .then((b) => b.token)
    .catch((e: unknown) => {
      csrf = undefined;
      throw e;
    });
  return csrf;
}

async function post<T>(url: string, body?: unknown): Promise<T> {
  const token = await csrfToken();
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'x-csrf-token': token,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return answer<T>(res);
}

/** The signed-in account, or null for a visitor. */
export async function me(): Promise<Me | null> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  return (await answer<{ user: Me | null }>(res)).user;
}

export async function calibratedCorridors(): Promise<CalibratedCorridor[]> {
  const res = await fetch('/api/simulations/corridors', { credentials: 'same-origin' });
  return (await answer<{ corridors: CalibratedCorridor[] }>(res)).corridors;
}

export interface StartRequest {
  readonly at: string;
  readonly corridors: readonly { readonly origin: string; readonly destination: string }[];
  readonly population: { readonly generate: number; readonly seed: number };
  readonly reform: unknown;
}

export const startRun = (request: StartRequest) => post<Run>('/api/simulations', request);

/** Where the example population file is served (20 synthetic workers). */
export const EXAMPLE_POPULATION_URL = '/api/simulations/example-population.csv';

/**
 * Starts a run on a population file: the server checks every row before queueing it and answers
 * the problems by row and column (`population.rows.N.column`).
 */
export async function startUploadRun(
  file: Blob,
  request: { readonly at: string; readonly reform: unknown },
): Promise<Run> {
  const token = await csrfToken();
  const form = new FormData();
  form.append('request', JSON.stringify(request));
  form.append('population', file);
  const res = await fetch('/api/simulations/upload', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': token },
    body: form,
  });
  return answer<Run>(res);
}
export const cancelRun = (id: string) => post<Run>(`/api/simulations/${id}/cancel`);

export async function getRun(id: string): Promise<Run> {
  return answer<Run>(await fetch(`/api/simulations/${id}`, { credentials: 'same-origin' }));
}

export async function results(id: string): Promise<readonly IndicatorRow[]> {
  const res = await fetch(`/api/simulations/${id}/results.json`, { credentials: 'same-origin' });
  return (await answer<{ indicators: IndicatorRow[] }>(res)).indicators;
}

/**
 * Follows a run by Server-Sent Events until it ends; falls back to polling once a second when the
 * stream breaks (a proxy that buffers, a dropped connection). Returns the stop function.
 */
export function follow(id: string, onRun: (run: Run) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const source = new EventSource(`/api/simulations/${id}/events`);
  const isOver = (r: Run) => r.status !== 'queued' && r.status !== 'running';
  const onEvent = (e: MessageEvent<string>) => {
    const run = JSON.parse(e.data) as Run;
    onRun(run);
    if (isOver(run)) source.close();
  };
  for (const name of ['progress', 'done', 'failed', 'cancelled'])
    source.addEventListener(name, onEvent as EventListener);
  const poll = () => {
    if (stopped) return;
    getRun(id).then(
      (run) => {
        if (stopped) return;
        onRun(run);
        if (!isOver(run)) timer = setTimeout(poll, 1000);
      },
      () => {
        timer = setTimeout(poll, 2000);
      },
    );
  };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) return;
    source.close();
    poll();
  };
  return () => {
    stopped = true;
    source.close();
    if (timer) clearTimeout(timer);
  };
}
