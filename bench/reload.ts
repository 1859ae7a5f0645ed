/**
 * What members wait for while an organiser reloads the knowledge: against a running service, one
 * member asks over and over while `POST /api/knowledge/reload` runs a few times.
 *   node dist/bench/reload.js --url http://127.0.0.1:3000 --token <ADMIN_TOKEN> [--reloads 3]
 * Start the service with PUBLIC_RATE_LIMIT_PER_MINUTE=100000, so that the asking is not throttled.
 * Prints the asks answered during the reloads and outside them, and as the last line one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { numberOption, percentile, stringOption } from './options';

interface Sample {
  at: number;
  ms: number;
  status: number;
}

const QUESTION = '德阳国家级实践创新基地每个奖励多少钱？';

async function main(): Promise<void> {
  const url = stringOption('url') ?? 'http://127.0.0.1:3000';
  const token = stringOption('token') ?? process.env.ADMIN_TOKEN;
  if (!token) throw new Error('--token (or ADMIN_TOKEN) is needed to reload');
  const reloadCount = numberOption('reloads', 3);
  const samples: Sample[] = [];
  const reloads: Array<{ from: number; to: number; status: number }> = [];
  let asking = true;
  const member = (async () => {
    while (asking) {
      const at = performance.now();
      const response = await fetch(`${url}/api/qa/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: QUESTION }) });
      await response.text();
      samples.push({ at, ms: performance.now() - at, status: response.status });
      await sleep(5);
    }
  })();
  await sleep(3000);
  for (let r = 0; r < reloadCount; r++) {
    const from = performance.now();
    const response = await fetch(`${url}/api/knowledge/reload`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await response.text();
    reloads.push({ from, to: performance.now(), status: response.status });
    await sleep(2000);
  }
  asking = false;
  await member;
  const during = samples.filter((s) => reloads.some((r) => s.at + s.ms >= r.from && s.at <= r.to));
  const outside = samples.filter((s) => !during.includes(s));
  const summary = (list: Sample[]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    return { asks: list.length, medianMs: round(percentile(sorted, 0.5)), maxMs: round(sorted[sorted.length - 1] ?? 0) };
  };
  const failed = samples.filter((s) => s.status !== 200).length + reloads.filter((r) => r.status !== 200).length;
  const result = { reloadMs: reloads.map((r) => round(r.to - r.from)), failed, duringReloads: summary(during), outside: summary(outside) };
  process.stderr.write(`reloads ${result.reloadMs.join(', ')} ms; asks answered during them ${result.duringReloads.asks} (max ${result.duringReloads.maxMs} ms), outside ${result.outside.asks} (max ${result.outside.maxMs} ms)\n`);
  console.log(JSON.stringify(result));
}

function round(x: number): number {
  return Number(x.toFixed(1));
}

void main();
