/**
 * The load generator of bench:web, in a worker thread: on a real deployment the phones are
 * other machines, so autocannon gets its own event loop rather than sharing the app's.
 * Each connection takes the next member; the response is matched to the member through the
 * connection's context.
 */
import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';

export type LoadPhase =
  | { phase: 'papers'; url: string; connections: number; tokens: string[] }
  | { phase: 'submits'; url: string; connections: number; tokens: string[]; papers: Array<{ attemptId: number; answers: string[] }> };

export interface LoadResult {
  /** seconds from the first request to the last answer, timed here: autocannon only notices the last one at its next one-second tick */
  duration: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** papers phase: the answers each member will send, by member */
  papers?: Array<{ attemptId: number; answers: string[] } | null>;
  /** submits phase: how many submissions were answered 2xx */
  ok?: number;
}

async function runPhase(input: LoadPhase): Promise<LoadResult> {
  const amount = input.tokens.length;
  const papers: Array<{ attemptId: number; answers: string[] } | null> = new Array(amount).fill(null);
  let ok = 0;
  let next = 0;
  let lastAnswer = 0;
  const options = {
    url: input.url,
    connections: input.connections,
    amount,
    timeout: 60,
    requests: [
      {
        setupRequest: (req: any, context: any) => {
          const member = next++ % amount;
          context.member = member;
          const headers = { 'content-type': 'application/json' };
          if (input.phase === 'papers') return { ...req, method: 'GET', path: `/api/web/paper/${input.tokens[member]}`, headers };
          return { ...req, method: 'POST', path: `/api/web/submit/${input.tokens[member]}`, body: JSON.stringify(input.papers[member]), headers };
        },
        onResponse: (status: number, body: string, context: any) => {
          lastAnswer = performance.now();
          if (status < 200 || status >= 300) return;
          ok++;
          if (input.phase !== 'papers') return;
          const member = context.member as number;
          const paper = JSON.parse(body) as { attemptId: number; questions: Array<{ type: string; options: string[] }> };
          const answers = paper.questions.map((q, i) => (q.type === 'fill' ? '襄阳' : 'ABCDEFGH'[(member + i) % q.options.length]));
          papers[member] = { attemptId: paper.attemptId, answers };
        },
      },
    ],
  };
  // In a worker thread autocannon leaves its histograms encoded; aggregating decodes them.
  const started = performance.now();
  const raw = await autocannon(options as any);
  const seconds = (lastAnswer - started) / 1000;
  const result = (autocannon as any).aggregateResult([raw], { url: input.url, connections: input.connections });
  return {
    duration: seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    ...(input.phase === 'papers' ? { papers } : { ok }),
  };
}

runPhase(workerData as LoadPhase).then(
  (result) => parentPort!.postMessage(result),
  (err) => {
    throw err;
  },
);
