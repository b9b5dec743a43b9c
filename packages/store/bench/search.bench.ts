// `npm run bench:search`: 10,000 synthetic documents in the region's scripts (a fixed seed, so
// every run has the same data), indexed, then a few hundred realistic queries through the ranked
// search and, on the same data in the same process, through the naive scan the API used before
// (`lower(text) like '%q%'`). Prints p50/p95/max for both, on SQLite, and on PostgreSQL too when
// TULAY_TEST_POSTGRES_URL (or DATABASE_URL) is set, and the five slowest ranked queries. Then
// one- and two-letter prefixes, through the ranked search as it is (a word's completions capped
// to the most frequent) and, in the same run, as it was before the cap (every completion read).
// Nothing here asserts a time.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Store } from '../src/store.ts';
import { MAX_COMPLETIONS, Search } from '../src/repositories/search.ts';
import { fold } from '../src/search/tokenize.ts';
import type { TestDatabase } from '../src/testing/test-databases.ts';

// DATABASE_URL serves too: the helper creates (and drops) a database of its own on that server.
const serverUrl = process.env.TULAY_TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
if (serverUrl !== undefined && serverUrl !== '') process.env.TULAY_TEST_POSTGRES_URL = serverUrl;
const { testDatabases } = await import('../src/testing/test-databases.ts');

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const PREFIXES = Number(process.env.BENCH_PREFIXES ?? 60);
const T0 = '2026-01-01T00:00:00.000Z';

/** mulberry32: a small deterministic generator, so every run indexes the same documents. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of each language, written as the language writes them (joined without spaces or not). */
const LANGUAGES: Record<string, { words: string[]; spaced: boolean }> = {
  en: {
    spaced: true,
    words:
      'migrant workers social protection pension portability agreement parliament caucus resolution employer contract wages insurance health benefits remittance recruitment agency domestic fishing construction corridor destination origin returnee family children coverage contribution labour ministry ratify convention'.split(
        ' ',
      ),
  },
  th: {
    spaced: false,
    words:
      'แรงงาน ข้ามชาติ ประกันสังคม สิทธิ นายจ้าง สัญญา ค่าจ้าง สุขภาพ กรุงเทพมหานคร รัฐสภา กฎหมาย ประเทศไทย เงินบำนาญ ครอบครัว การคุ้มครอง ประมง ก่อสร้าง ลูกจ้าง ทำงานบ้าน กระทรวงแรงงาน'.split(
        ' ',
      ),
  },
  km: {
    spaced: false,
    words:
      'ពលករ ចំណាកស្រុក ការពារសង្គម សិទ្ធិ និយោជក កិច្ចសន្យា ប្រាក់ឈ្នួល សុខភាព សភាជាតិ ច្បាប់ កម្ពុជា គ្រួសារ កុមារ សំណង់ នេសាទ ក្រសួងការងារ'.split(
        ' ',
      ),
  },
  lo: {
    spaced: false,
    words: 'ແຮງງານ ເຄື່ອນຍ້າຍ ການປົກປ້ອງ ສັງຄົມ ສິດ ນາຍຈ້າງ ສັນຍາ ຄ່າຈ້າງ ສຸຂະພາບ ສະພາແຫ່ງຊາດ ກົດໝາຍ ຄອບຄົວ'.split(
      ' ',
    ),
  },
  my: {
    spaced: false,
    words: 'ရွှေ့ပြောင်း အလုပ်သမား လူမှုဖူလုံရေး အခွင့်အရေး အလုပ်ရှင် စာချုပ် လုပ်ခ ကျန်းမာရေး လွှတ်တော် ဥပဒေ မိသားစု'.split(' '),
  },
  vi: {
    spaced: true,
    words:
      'lao động di cư bảo hiểm xã hội lương hưu quyền lợi người sử dụng hợp đồng tiền lương sức khỏe quốc hội pháp luật gia đình trẻ em xây dựng đánh cá'.split(
        ' ',
      ),
  },
  hi: {
    spaced: true,
    words:
      'प्रवासी श्रमिकों सामाजिक सुरक्षा पेंशन अधिकार नियोक्ता अनुबंध मजदूरी स्वास्थ्य संसद कानून परिवार बच्चे'.split(
        ' ',
      ),
  },
  ne: {
    spaced: true,
    words:
      'वैदेशिक रोजगार कामदार सामाजिक सुरक्षा कोष अधिकार रोजगारदाता सम्झौता पारिश्रमिक स्वास्थ्य संसद कानून परिवार'.split(
        ' ',
      ),
  },
};
const CODES = Object.keys(LANGUAGES);

function pick<T>(rnd: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function sentence(rnd: () => number, language: string, words: number): string {
  const { words: vocabulary, spaced } = LANGUAGES[language] ?? { words: ['x'], spaced: true };
  const out = Array.from({ length: words }, () => pick(rnd, vocabulary));
  return out.join(spaced ? ' ' : '');
}

interface Doc {
  id: string;
  language: string;
  title: string;
  body: string;
}

// Names of people, places and bodies, in Latin letters whatever the document's language, as
// documents of the region write them: rare words, each in a handful of documents.
const SYLLABLES =
  'ka ri son pha ma dee nguy en sok chan thi lan vong pra sit bun noi har tan'.split(' ');
function name(rnd: () => number): string {
  const n = 2 + Math.floor(rnd() * 2);
  const word = Array.from({ length: n }, () => pick(rnd, SYLLABLES)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}
const NAMES = (() => {
  const rnd = random(42);
  return Array.from({ length: 3000 }, () => name(rnd));
})();

function documents(): Doc[] {
  const rnd = random(20111015);
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    const language = pick(rnd, CODES);
    const paragraphs = 2 + Math.floor(rnd() * 4);
    const body = Array.from(
      { length: paragraphs },
      () => `${sentence(rnd, language, 8 + Math.floor(rnd() * 20))} ${pick(rnd, NAMES)}`,
    ).join(LANGUAGES[language]?.spaced === true ? '. ' : ' ');
    return {
      id: `bench_${String(i).padStart(5, '0')}`,
      language,
      title: sentence(rnd, language, 2 + Math.floor(rnd() * 4)),
      body,
    };
  });
}

/**
 * Queries people type: one common word, two, Vietnamese without its marks, a word's beginning,
 * and names (rare words).
 */
function queries(): string[] {
  const rnd = random(7);
  return Array.from({ length: QUERIES }, (_, i) => {
    const language = pick(rnd, CODES);
    const { words, spaced } = LANGUAGES[language] ?? { words: ['x'], spaced: true };
    switch (i % 6) {
      case 0:
        return pick(rnd, words);
      case 5:
        // A name: in a few documents only.
        return rnd() < 0.5 ? pick(rnd, NAMES) : `${pick(rnd, NAMES)} ${pick(rnd, words)}`;
      case 1:
        return `${pick(rnd, words)}${spaced ? ' ' : ''}${pick(rnd, words)}`;
      case 2:
        return language === 'vi' ? fold(sentence(rnd, 'vi', 2)) : pick(rnd, words);
      case 3: {
        const word = pick(rnd, LANGUAGES.en?.words ?? ['x']);
        return word.slice(0, Math.max(4, Math.ceil(word.length * 0.7)));
      }
      default:
        return `${pick(rnd, LANGUAGES.en?.words ?? ['x'])} ${pick(rnd, LANGUAGES.en?.words ?? ['x'])}`;
    }
  });
}

/**
 * What someone has typed after one or two letters: of a word of the corpus's languages, or of a
 * name (names of people, places and bodies are most of a real library's distinct words): the
 * prefixes that begin the most indexed words.
 */
function prefixes(): string[] {
  const rnd = random(11);
  return Array.from({ length: PREFIXES }, (_, i) => {
    const language = pick(rnd, CODES);
    const word =
      i % 2 === 1 ? pick(rnd, NAMES).toLowerCase() : pick(rnd, LANGUAGES[language]?.words ?? ['x']);
    return Array.from(word)
      .slice(0, 1 + (Math.floor(i / 2) % 2))
      .join('');
  });
}

async function load(store: Store, docs: Doc[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < docs.length; i += 200) {
      const batch = docs.slice(i, i + 200);
      await trx
        .insertInto('texts')
        .values(
          batch.map((d, j) => ({
            id: d.id,
            kind: 'resolution' as const,
            programme_id: null,
            authoritative_language: d.language,
            status: 'open' as const,
            is_endorsable: 1 as const,
            extra: '{}',
            // A tenth kept to the caucus, so the visibility filter has work to do.
            visibility: (i + j) % 10 === 0 ? ('caucus' as const) : ('public' as const),
            created_at: T0,
            updated_at: T0,
          })),
        )
        .execute();
      await trx
        .insertInto('text_versions')
        .values(
          batch.map((d) => ({
            id: `${d.id}-v1`,
            text_id: d.id,
            version: 1,
            language: d.language,
            title: d.title,
            body: d.body,
            note: null,
            created_at: T0,
            created_by: null,
          })),
        )
        .execute();
    }
  });
}

/** The search the API had before: a case-insensitive substring of title or body, then a count. */
async function naive(store: Store, q: string): Promise<number> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = sql<boolean>`t.visibility in ('public') and (lower(v.title) like ${pattern} escape '\\' or lower(v.body) like ${pattern} escape '\\')`;
  await sql`select t.id, v.title from text_versions v join texts t on t.id = v.text_id where ${where} order by t.id limit 20`.execute(
    store.db,
  );
  const count = await sql<{
    n: number | string;
  }>`select count(*) as n from text_versions v join texts t on t.id = v.text_id where ${where}`.execute(
    store.db,
  );
  return Number(count.rows[0]?.n ?? 0);
}

function summary(times: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

async function run(
  database: TestDatabase,
  docs: Doc[],
  qs: string[],
  short: string[],
): Promise<void> {
  const { store, dispose } = await database.open();
  try {
    await store.migrate();
    let started = performance.now();
    await load(store, docs);
    const loaded = performance.now() - started;
    started = performance.now();
    const indexed = await store.transaction((repos) => repos.search.reindex());
    const indexing = performance.now() - started;
    const postings = await store.db
      .selectFrom('search_postings')
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `\n${database.name}: ${docs.length} documents loaded in ${(loaded / 1000).toFixed(1)} s; indexed ${indexed.entries} entries (${Number(postings.n)} postings) in ${(indexing / 1000).toFixed(1)} s`,
    );

    const viewer = { scope: ['public' as const], userId: null };
    // Warm both paths (prepared statements, caches) before timing.
    for (const q of qs.slice(0, 10)) {
      await store.repos.search.search({ q, limit: 20, offset: 0 }, viewer);
      await naive(store, q);
    }
    const ranked: number[] = [];
    const slowest: { q: string; ms: number; total: number }[] = [];
    const scan: number[] = [];
    let rankedHits = 0;
    let scanHits = 0;
    for (const q of qs) {
      let t = performance.now();
      const found = (await store.repos.search.search({ q, limit: 20, offset: 0 }, viewer)).total;
      rankedHits += found;
      ranked.push(performance.now() - t);
      slowest.push({ q, ms: performance.now() - t, total: found });
      t = performance.now();
      scanHits += await naive(store, q);
      scan.push(performance.now() - t);
    }
    const a = summary(ranked);
    const b = summary(scan);
    console.log(
      `${qs.length} queries, page of 20 with total         p50        p95        max   mean total`,
    );
    console.log(
      `  ranked search (BM25, index)          ${ms(a.p50)} ${ms(a.p95)} ${ms(a.max)}   ${(rankedHits / qs.length).toFixed(0)}`,
    );
    console.log(
      `  baseline lower(text) like '%q%'      ${ms(b.p50)} ${ms(b.p95)} ${ms(b.max)}   ${(scanHits / qs.length).toFixed(0)}`,
    );
    // The queries to look at first (EXPLAIN (ANALYZE, BUFFERS) them): common words, prefixes.
    console.log('  slowest ranked queries:');
    for (const s of slowest.sort((x, y) => y.ms - x.ms).slice(0, 5))
      console.log(`    ${ms(s.ms)}  ${String(s.total).padStart(5)} found  ${JSON.stringify(s.q)}`);

    // Short prefixes: capped (as the API searches) and uncapped (as before), interleaved.
    const uncapped = new Search(store.db, undefined, { maxCompletions: Infinity });
    for (const q of short.slice(0, 5)) {
      await store.repos.search.search({ q, limit: 20, offset: 0 }, viewer);
      await uncapped.search({ q, limit: 20, offset: 0 }, viewer);
    }
    const capped: number[] = [];
    const all: number[] = [];
    let cappedHits = 0;
    let allHits = 0;
    const widest: { q: string; capped: number; all: number; found: number; of: number }[] = [];
    for (const q of short) {
      let t = performance.now();
      const found = (await store.repos.search.search({ q, limit: 20, offset: 0 }, viewer)).total;
      const c = performance.now() - t;
      t = performance.now();
      const of = (await uncapped.search({ q, limit: 20, offset: 0 }, viewer)).total;
      const u = performance.now() - t;
      capped.push(c);
      all.push(u);
      cappedHits += found;
      allHits += of;
      widest.push({ q, capped: c, all: u, found, of });
    }
    const c = summary(capped);
    const u = summary(all);
    console.log(
      `${short.length} one- and two-letter prefixes                p50        p95        max   mean total`,
    );
    console.log(
      `  completions capped (${MAX_COMPLETIONS} most frequent)    ${ms(c.p50)} ${ms(c.p95)} ${ms(c.max)}   ${(cappedHits / short.length).toFixed(0)}`,
    );
    console.log(
      `  baseline: every completion (before)  ${ms(u.p50)} ${ms(u.p95)} ${ms(u.max)}   ${(allHits / short.length).toFixed(0)}`,
    );
    console.log('  slowest uncapped prefixes (capped / uncapped, found capped / uncapped):');
    for (const w of widest.sort((x, y) => y.all - x.all).slice(0, 5))
      console.log(
        `    ${ms(w.capped)} ${ms(w.all)}  ${String(w.found).padStart(5)} / ${String(w.of).padEnd(5)}  ${JSON.stringify(w.q)}`,
      );
  } finally {
    await dispose();
  }
}

const docs = documents();
const qs = queries();
const short = prefixes();
for (const database of testDatabases) await run(database, docs, qs, short);
