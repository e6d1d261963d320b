// `npm run bench`: builds the production bundle, starts it on a fresh embedded PostgreSQL, generates the
// data it needs, measures, prints a table and writes BENCHMARKS.md. Every figure is printed next to a
// reference measured in the same run on the same machine.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { benchDispatch } from './dispatch-bench.mjs';
import { benchReports } from './report-bench.mjs';
import { benchApi } from './api-bench.mjs';
import { Client, median, peakRssMiB, percentile, rssMiB, signUpOwner, sleep, startApp } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);
const RUNS = 3;
const FIRST = [
  'Amelia',
  'Benedikt',
  'Chiara',
  'Dmitri',
  'Esperanza',
  'Fionnuala',
  'Gustavo',
  'Hiroshi',
  'Ingrid',
  'Jovana',
  'Kwame',
  'Ludmila',
  'Mateus',
  'Nkechi',
  'Oskar',
  'Priyanka',
  'Quentin',
  'Rosalind',
  'Svetlana',
  'Tobias',
];
const LAST = [
  'Abernathy',
  'Bergström',
  'Castellanos',
  'Delacroix',
  'Eriksen',
  'Fitzgerald',
  'Gallagher',
  'Hernández',
  'Ishikawa',
  'Jankowski',
  'Kowalczyk',
  'Lindqvist',
  'Marchetti',
  'Nakamura',
  'Okonkwo',
  'Petrović',
  'Quispe',
  'Rasmussen',
  'Szabó',
  'Thorsen',
];

function step(message) {
  process.stdout.write(`\n== ${message}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Deterministic rows: the same file on every run, so runs compare. */
function nameOf(index) {
  return [
    FIRST[index % FIRST.length],
    `${LAST[Math.floor(index / FIRST.length) % LAST.length]}-${(index * 7919) % 100_003}`,
  ];
}

async function generateCsv(path, rows) {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  async function* lines() {
    yield 'Email,First Name,Last Name,Phone,Tags\n';
    let buffer = '';
    for (let index = 0; index < rows; index++) {
      const [first, last] = nameOf(index);
      buffer += `buyer${index}@bench.example,${first},${last},+44 7700 ${String(index).padStart(6, '0')},${index % 10 === 0 ? '"vip, local"' : 'local'}\n`;
      if (buffer.length > 1 << 20) {
        yield buffer;
        buffer = '';
      }
    }
    yield buffer;
  }
  await pipeline(Readable.from(lines()), createWriteStream(path));
}

/**
 * COPY of the file into a bare table (the issue's reference) or, with `withIndexes`, into a table carrying
 * the same unique-email and trigram-search indexes as customers: the share of the cost that is the indexes'.
 */
async function copyReference(ownerUrl, path, withIndexes = false) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS bench_copy');
  await client.query(
    'CREATE TABLE bench_copy (email text, first_name text, last_name text, phone text, tags text)',
  );
  if (withIndexes) {
    await client.query('CREATE UNIQUE INDEX ON bench_copy (lower(email))');
    await client.query(
      `CREATE INDEX ON bench_copy USING gin ((lower(first_name || ' ' || last_name || ' ' || email)) gin_trgm_ops)`,
    );
  }
  await client.end();
  const psql = spawnSync('which', ['psql']).status === 0;
  const started = performance.now();
  if (psql) {
    const result = spawnSync(
      'psql',
      [ownerUrl, '-q', '-c', `\\copy bench_copy FROM '${path}' WITH (FORMAT csv, HEADER true)`],
      {
        stdio: 'inherit',
      },
    );
    if (result.status !== 0) throw new Error('psql \\copy failed');
  } else {
    const { from } = await import('pg-copy-streams');
    const copyClient = new pg.Client({ connectionString: ownerUrl });
    await copyClient.connect();
    await pipeline(
      createReadStream(path),
      copyClient.query(from('COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    await copyClient.end();
  }
  const tool = psql ? 'psql \\copy' : 'COPY FROM STDIN';
  return {
    seconds: (performance.now() - started) / 1000,
    tool: withIndexes ? `${tool}, same indexes` : tool,
  };
}

/** Removes the previous run's customers, so each import starts from the same empty table. */
async function removeImported(ownerUrl) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query(`DELETE FROM customers`);
  await client.query('VACUUM ANALYZE customers');
  await client.end();
}

async function importThroughApp(client, path) {
  const started = performance.now();
  const upload = await client.request(
    'POST',
    '/api/imports/customers?fileName=bench.csv',
    createReadStream(path),
    {
      'content-type': 'text/csv',
    },
  );
  if (upload.status !== 201)
    throw new Error(`Upload failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  const uploadedAt = performance.now();
  const start = await client.request('POST', `/api/imports/${upload.body.id}/start`, {
    mapping: upload.body.mapping,
    dryRun: false,
  });
  if (start.status !== 202) throw new Error(`Start failed: ${JSON.stringify(start.body)}`);
  for (;;) {
    const state = await client.request('GET', `/api/imports/${upload.body.id}`);
    if (state.body.status === 'completed') {
      const done = performance.now();
      return {
        uploadSeconds: (uploadedAt - started) / 1000,
        totalSeconds: (done - started) / 1000,
        imported: state.body.rowsImported,
        failed: state.body.rowsFailed,
      };
    }
    if (state.body.status === 'failed') throw new Error(`Import failed: ${state.body.failure}`);
    await sleep(500);
  }
}

const WARM_UP_SEARCHES = 20;

/**
 * Sequential searches; the first few warm the caches and are not counted. `common`: part of a last name
 * (one buyer in twenty matches); `rare`: part of one buyer's email (a handful match).
 */
async function searchLatencies(client, kind) {
  const latencies = [];
  for (let index = -WARM_UP_SEARCHES; index < SEARCHES; index++) {
    const row = Math.abs(index * 104_729) % ROWS;
    const fragment = kind === 'common' ? nameOf(row)[1].slice(2, 7).toLowerCase() : `buyer${row}@`;
    const started = performance.now();
    const result = await client.request(
      'GET',
      `/api/customers?search=${encodeURIComponent(fragment)}&limit=50`,
    );
    if (index >= 0) latencies.push(performance.now() - started);
    if (result.status !== 200) throw new Error(`Search failed: ${result.status}`);
  }
  return latencies.sort((a, b) => a - b);
}

step('Building the production bundle');
run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);

/** The CSV import and customer search figures; returns table rows and the note on the data. */
async function benchImportAndSearch() {
  step(`Generating a ${ROWS.toLocaleString('en')}-row customers CSV`);
  const csvPath = join(root, 'tmp', 'bench-data', `customers-${ROWS}.csv`);
  await generateCsv(csvPath, ROWS);
  const megabytes = statSync(csvPath).size / 1024 / 1024;
  console.log(`${csvPath} (${megabytes.toFixed(1)} MiB)`);

  step('Starting the app on a fresh embedded PostgreSQL');
  const app = await startApp(root);
  try {
    const idleRss = rssMiB(app.pid);
    const runs = [];
    let client;
    for (let run = 1; run <= RUNS; run++) {
      step(
        `Run ${run} of ${RUNS}: the references, then the import through Rapport (upload, validate, upsert)`,
      );
      if (run > 1) await removeImported(app.ownerUrl);
      client = new Client(app.baseUrl);
      await signUpOwner(app, client, {
        businessName: `Benchmark Bakery ${run}`,
        name: 'Bench Owner',
        email: `owner${run}@bench.example`,
        password: 'benchmarks run on mondays',
        timeZone: 'Europe/London',
        country: 'GB',
      });
      const reference = await copyReference(app.ownerUrl, csvPath);
      const indexed = await copyReference(app.ownerUrl, csvPath, true);
      const imported = await importThroughApp(client, csvPath);
      console.log(
        `${reference.tool}: ${reference.seconds.toFixed(1)} s; ${indexed.tool}: ${indexed.seconds.toFixed(1)} s; ` +
          `Rapport: ${imported.imported.toLocaleString('en')} rows in ${imported.totalSeconds.toFixed(1)} s ` +
          `(upload ${imported.uploadSeconds.toFixed(1)} s); app RSS now ${rssMiB(app.pid)} MiB`,
      );
      runs.push({ reference, indexed, imported });
    }
    const rss = peakRssMiB(app.pid);
    const tool = runs[0].reference.tool;
    const indexedTool = runs[0].indexed.tool;
    const importSeconds = median(runs.map((run) => run.imported.totalSeconds));
    const copySeconds = median(runs.map((run) => run.reference.seconds));
    const indexedSeconds = median(runs.map((run) => run.indexed.seconds));
    const imported = {
      imported: median(runs.map((run) => run.imported.imported)),
      totalSeconds: importSeconds,
    };
    const reference = { tool, seconds: copySeconds };
    const indexed = { tool: indexedTool, seconds: indexedSeconds };

    step(
      `Customer search on ${ROWS.toLocaleString('en')} customers (2 x ${SEARCHES} searches, one at a time)`,
    );
    const common = await searchLatencies(client, 'common');
    const rare = await searchLatencies(client, 'rare');

    const importRate = imported.imported / imported.totalSeconds;
    const copyRate = ROWS / reference.seconds;
    const rows = [
      [
        'CSV import, rows/s',
        Math.round(importRate).toLocaleString('en'),
        `${reference.tool}: ${Math.round(copyRate).toLocaleString('en')}`,
        (importRate / copyRate).toFixed(2),
      ],
      [
        'CSV import, rows/s (indexed reference)',
        Math.round(importRate).toLocaleString('en'),
        `${indexed.tool}: ${Math.round(ROWS / indexed.seconds).toLocaleString('en')}`,
        (importRate / (ROWS / indexed.seconds)).toFixed(2),
      ],
      [
        'CSV import, total s',
        imported.totalSeconds.toFixed(1),
        `${reference.tool}: ${reference.seconds.toFixed(1)}`,
        '',
      ],
      [
        'App peak RSS during the imports, MiB',
        String(rss),
        `before the imports: ${idleRss}; file: ${megabytes.toFixed(0)} MiB`,
        '',
      ],
      ['Customer search, common fragment, p50 ms', percentile(common, 0.5).toFixed(1), '', ''],
      ['Customer search, common fragment, p99 ms', percentile(common, 0.99).toFixed(1), '', ''],
      ['Customer search, rare fragment, p50 ms', percentile(rare, 0.5).toFixed(1), '', ''],
      ['Customer search, rare fragment, p99 ms', percentile(rare, 0.99).toFixed(1), '', ''],
    ];
    return {
      rows,
      note:
        `Import and search: ${ROWS.toLocaleString('en')} generated customers (${megabytes.toFixed(1)} MiB CSV); ` +
        `import figures are medians of ${RUNS} runs, each into a new business after the previous one's customers are ` +
        `removed, each right after its two references; ` +
        `search latency over ${SEARCHES} sequential requests through HTTP with a session (after ${WARM_UP_SEARCHES} uncounted ones). ` +
        `The import upserts (unique email per business, fields merged, unchanged rows not written) and maintains the ` +
        `trigram search index; the second reference is \\copy into a table with those two indexes.`,
    };
  } finally {
    await app.stop();
  }
}

/**
 * Rewrites one section of BENCHMARKS.md (between its markers), leaving the others and the notes written
 * under them as they are; a section not there yet is appended.
 */
function writeSection(name, title, note, rows) {
  const path = join(root, 'BENCHMARKS.md');
  const header = ['figure', 'Rapport', 'reference (same run)', 'ratio'];
  const table = [header, ['---', '---', '---', '---'], ...rows]
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n');
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
  const section =
    `<!-- bench:${name} -->\n## ${title}\n\nMeasured on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n\n` +
    `${note}\n\n${table}\n<!-- /bench:${name} -->`;
  const current = existsSync(path)
    ? readFileSync(path, 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench`; `BENCH_ONLY=import`, `dispatch`, `api` or `report` reruns one section.\n';
  const marked = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  writeFileSync(
    path,
    marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`,
  );
  // The file is kept in the repository's format, which `npm test` checks.
  run('npx', ['prettier', '--write', '--log-level=warn', 'BENCHMARKS.md']);
  step('Results');
  console.log(table);
  console.log(`\nWrote the "${title}" section of BENCHMARKS.md`);
}

const only = process.env.BENCH_ONLY;
const wanted = (name) => !only || only === name;
if (wanted('import')) {
  const { rows, note } = await benchImportAndSearch();
  writeSection('import', 'Import and search', note, rows);
}
if (wanted('dispatch')) {
  const rows = await benchDispatch(root, step);
  writeSection(
    'dispatch',
    'Dispatch',
    `Follow-ups due at once in every business, sent by the production bundle (one dispatcher: two businesses at ` +
      `a time, eight sends each) to the SendGrid mock running as its own process, which counts and keeps no bodies. The raw rates ` +
      `post bodies of the same size (about 10 kB) straight to the mock. Render time is the Liquid render of a ` +
      `compiled built-in template for one message, measured in a process of its own over as many renders. ` +
      `Three dispatch runs, each right after the mock's raw rates are measured; the table shows the medians.`,
    rows,
  );
}
if (wanted('api')) {
  const { rows, note } = await benchApi(root, step);
  writeSection('api', 'API read path and answer submission', note, rows);
}
if (wanted('report')) {
  const { rows, note } = await benchReports(root, step);
  writeSection('report', 'Weekly report and dashboard', note, rows);
}
