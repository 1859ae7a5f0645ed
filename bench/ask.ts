/**
 * Speed of the question matcher at scale, against plain fuse.js over every entry.
 *   node dist/bench/ask.js [--entries 10000] [--queries 300] [--plain 30] [--seed 7] [--verbose]
 * The shipped entries are topped up with synthetic ones made by recombining the shipped
 * questions with other place names and figures. Prints details to stderr and, as the last
 * stdout line, one JSON object.
 */
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { loadKnowledgeDir } from '../src/knowledge/knowledge-file';
import { projectRoot } from '../src/common/paths';
import { numberOption, percentile } from './options';
import { decide, DEFAULT_THRESHOLDS, type IndexableEntry, KnowledgeIndex } from '../src/knowledge/matching';

/** Small seeded generator (mulberry32) so that runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACE_HEADS = Array.from('江河山安宁平昌兴庆丰华泰云龙金凤桂临永长青新清');
const PLACE_TAILS = Array.from('州阳城源川宁安山江林水港口溪原都陵');
const FILLERS = ['请问', '我想知道', '想问一下', '', '', ''];
const ENDINGS = ['?', '呢', '吗?', '', '。'];
const YEARS = ['2019年', '2020年', '2021年', '2022年', '2024年', ''];

/** Place names of the shipped entries: each entry's subject tag and the place tags. */
function shippedPlaces(entries: IndexableEntry[]): string[] {
  const places = new Set<string>();
  for (const entry of entries) {
    const subject = entry.tags?.[0];
    if (subject && subject.length <= 4) places.add(subject);
  }
  return [...places].sort((a, b) => b.length - a.length);
}

const WARM_UP_ROUNDS = 5;

const isYear = (digits: string) => digits.length === 4 && digits.startsWith('20');

function synthesise(shipped: IndexableEntry[], total: number, rand: () => number): IndexableEntry[] {
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const places = shippedPlaces(shipped);
  const placePattern = new RegExp(places.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const newPlaces = PLACE_HEADS.flatMap((h) => PLACE_TAILS.map((t) => h + t)).filter((p) => !places.includes(p));
  const out: IndexableEntry[] = [];
  const used = new Set<string>();
  for (let n = 0; out.length + shipped.length < total && n < total * 100; n++) {
    const template = pick(shipped);
    const place = pick(newPlaces);
    if (used.has(template.id + place)) continue;
    used.add(template.id + place);
    const year = pick(YEARS);
    const scale = 1 + Math.floor(rand() * 9);
    // Every text names its place, as a knowledge base about many cities would.
    const vary = (text: string) => {
      const varied = text
        .replace(placePattern, place)
        .replace(/\d+(\.\d+)?/g, (d) => (isYear(d) ? d : String(Math.round(Number(d) * scale) + 1)));
      return varied.includes(place) ? varied : place + varied;
    };
    const similar = [...template.similar].sort(() => rand() - 0.5).slice(0, 3).map(vary);
    out.push({
      id: `synthetic-${n}`,
      question: (/\d{4}年/.test(template.question) ? '' : year) + vary(template.question),
      similar,
      answer: vary(template.answer ?? ''),
      tags: [place, ...(template.tags ?? []).slice(1)],
    });
  }
  return out;
}

/** A member-like rewording: a filler in front, an ending, and sometimes a dropped character. */
function reword(text: string, rand: () => number): string {
  let chars = Array.from(text.replace(/[?？。!！]$/, ''));
  if (chars.length > 8 && rand() < 0.3) {
    const at = 2 + Math.floor(rand() * (chars.length - 4));
    chars = [...chars.slice(0, at), ...chars.slice(at + 1)];
  }
  const filler = FILLERS[Math.floor(rand() * FILLERS.length)];
  return filler + chars.join('') + ENDINGS[Math.floor(rand() * ENDINGS.length)];
}

function timed<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

const round = (x: number) => Number(x.toFixed(3));

type Query = { text: string; id: string };

/** Half the questions reword shipped entries, half synthetic ones. */
function makeQueries(shipped: IndexableEntry[], synthetic: IndexableEntry[], count: number, rand: () => number): Query[] {
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const pool = i % 2 === 0 || !synthetic.length ? shipped : synthetic;
    const entry = pool[Math.floor(rand() * pool.length)];
    const useSimilar = rand() < 0.7 && entry.similar.length > 0;
    const source = useSimilar ? entry.similar[Math.floor(rand() * entry.similar.length)] : entry.question;
    queries.push({ text: reword(source, rand), id: entry.id });
  }
  return queries;
}

/** The pipeline as the service runs it: decide() answers, suggests or gives up. Sorted times in ms. */
function timePipeline(index: KnowledgeIndex, queries: Query[]): number[] {
  // A running service has long been through its JIT tiers; a few rounds get the bench there too.
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const q of queries) decide(index, q.text, DEFAULT_THRESHOLDS);
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const [decision, ms] = timed(() => decide(index, q.text, DEFAULT_THRESHOLDS));
    times.push(ms);
    const found = decision.kind === 'answer' ? decision.entryId : decision.suggestions[0]?.id;
    if (found === q.id) hits++;
    else if (process.argv.includes('--verbose')) {
      process.stderr.write(`miss: ${q.text} (${q.id}) -> ${decision.kind} ${found ?? ''} ${decision.score.toFixed(2)}\n`);
    }
  }
  process.stderr.write(`pipeline: answers or first suggests the source entry for ${hits}/${queries.length} questions\n`);
  return times.sort((a, b) => a - b);
}

/** Plain fuse.js over every entry (keys question and similar), on an even sample of the questions. */
function timePlainFuse(entries: IndexableEntry[], queries: Query[], count: number): number[] {
  const step = Math.max(1, Math.floor(queries.length / Math.max(1, count)));
  const sample = queries.filter((_, i) => i % step === 0).slice(0, count);
  if (!sample.length) return [];
  const fuse = new Fuse(entries, { keys: ['question', 'similar'], includeScore: true, ignoreLocation: true });
  fuse.search(sample[0].text); // warm up
  const times: number[] = [];
  let hits = 0;
  for (const q of sample) {
    const [results, ms] = timed(() => fuse.search(q.text, { limit: 5 }));
    times.push(ms);
    if (results[0]?.item.id === q.id) hits++;
  }
  process.stderr.write(`plain fuse.js: best match is the source entry for ${hits}/${sample.length} questions\n`);
  return times.sort((a, b) => a - b);
}

function main(): void {
  const rand = random(numberOption('seed', 7));
  const total = numberOption('entries', 10000);
  const queryCount = numberOption('queries', 300);
  const plainCount = numberOption('plain', 30);

  const shipped = loadKnowledgeDir(join(projectRoot(), 'knowledge'));
  const entries: IndexableEntry[] = [...shipped, ...synthesise(shipped, total, rand)];
  const [index, buildMs] = timed(() => new KnowledgeIndex(entries));
  process.stderr.write(`indexed ${index.size} entries in ${buildMs.toFixed(0)} ms\n`);

  const queries = makeQueries(shipped, entries.slice(shipped.length), queryCount, rand);
  const times = timePipeline(index, queries);
  const plainTimes = timePlainFuse(entries, queries, plainCount);

  const p50 = percentile(times, 0.5);
  const plainP50 = percentile(plainTimes, 0.5);
  console.log(
    JSON.stringify({
      entries: index.size,
      p50Ms: round(p50),
      p99Ms: round(percentile(times, 0.99)),
      plainFuseP50Ms: round(plainP50),
      plainFuseP99Ms: round(percentile(plainTimes, 0.99)),
      speedup: round(p50 > 0 ? plainP50 / p50 : 0),
    }),
  );
}

main();
