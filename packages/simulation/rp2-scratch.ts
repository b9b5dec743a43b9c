import { readPopulation } from './src/duckdb-population.ts';
for (const canonical of [true, false, true, false]) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  let w = 0, r = 0;
  for await (const c of readPopulation(process.argv[2]!, 20000, { canonical })) { w += c.workers; r += c.periods; }
  const c1 = process.cpuUsage(c0);
  console.log({ canonical, w, r, wall: ((performance.now() - t0) / 1000).toFixed(1), cpu: ((c1.user + c1.system) / 1e6).toFixed(1) });
}
