import { countryCode, monthOrDate, reformSchema } from '@tulay/engine';
import { z } from 'zod';

export const SimulationCreate = z.strictObject({
  at: monthOrDate.meta({ description: 'The date the law is evaluated at, YYYY-MM or YYYY-MM-DD.' }),
  corridors: z
    .array(z.strictObject({ origin: countryCode, destination: countryCode }))
    .max(100)
    .optional()
    .meta({
      description: 'Calibrated corridors to generate workers in; every corridor when absent.',
    }),
  population: z.strictObject({
    generate: z
      .number()
      .int('must be a whole number')
      .min(1_000, 'must be at least 1,000 workers')
      .max(2_000_000, 'must be at most 2,000,000 workers'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
  }),
  reform: reformSchema.nullable().default(null),
});

/** The `request` part of an upload: the run's date and reform (the population is the file). */
export const SimulationUploadRequest = z.strictObject({
  at: monthOrDate.meta({ description: 'The date the law is evaluated at, YYYY-MM or YYYY-MM-DD.' }),
  reform: reformSchema.nullable().default(null),
});

/** The upload form, for the OpenAPI document (the handler reads the parts itself). */
export const SimulationUploadForm = z.object({
  request: z.string().meta({
    description:
      'JSON: `{ at, reform }` as in POST /api/simulations (no corridors: the file has its own workers).',
  }),
  population: z.string().meta({
    format: 'binary',
    description:
      'The population table (docs/simulation.md) as Parquet or UTF-8 CSV, recognised by its content; at most 100 MiB by default.',
  }),
});

export const SimulationIdParams = z.object({ id: z.uuid('must be a simulation id') });

const Status = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const IndicatorRowOut = z.object({
  dimension: z.enum(['all', 'corridor', 'sex', 'sector', 'documented']),
  group: z.string(),
  indicator: z.string(),
  detail: z.string(),
  baseline: z.number(),
  reform: z.number(),
  workers: z.number(),
  sample: z.number(),
});

export const SimulationOut = z.object({
  id: z.string(),
  status: Status,
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  queue_position: z.number().int().nullable(),
  request: z.object({
    at: z.string(),
    corridors: z.array(z.object({ origin: z.string(), destination: z.string() })),
    population: z.union([
      z.object({ generate: z.number().int(), seed: z.number().int() }),
      z.object({
        uploaded: z.literal(true),
        workers: z.number().int(),
        rows: z.number().int(),
      }),
    ]),
    reform: z.object({ id: z.string(), title: z.string(), from: z.string() }).nullable(),
  }),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int(),
    rate: z.number(),
    eta: z.number().nullable(),
  }),
  notes: z.array(z.string()),
  error: z.string().nullable(),
  summary: z
    .object({
      engine_version: z.string(),
      /** Where the population came from (an uploaded file is never named). */
      population: z.enum(['generated', 'uploaded']),
      workers: z.number().int(),
      periods: z.number().int(),
      stands_for: z.number(),
      path: z.string(),
      evaluated: z.object({ columnar: z.number().int(), scalar: z.number().int() }),
      threads: z.number().int(),
      seconds: z.number(),
      workers_per_second: z.number(),
      /** The headline indicators for all workers. */
      indicators: z.array(IndicatorRowOut),
    })
    .nullable(),
});
