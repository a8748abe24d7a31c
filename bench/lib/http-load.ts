import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * The load generator: HTTP/1.1 POSTs with keep-alive to a bot on 127.0.0.1, bounded by a count
 * and a deadline. Latency is measured from just before the request is written to the end of the
 * response body, so it covers the whole turn, including the bot's reply to the connector.
 */
export interface Answer {
  status: number;
  body: string;
  ms: number;
}

export interface LoadRun {
  /** Latency of every answered request, in ms, in completion order. */
  samples: number[];
  answers: Answer[];
  /** Requests not sent because the deadline came first. */
  skipped: number;
  wallMs: number;
  /** Answered requests per second of wall time. */
  throughput: number;
}

export class BotClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(
    baseUrl: string,
    maxSockets = 64,
    private readonly requestTimeoutMs = 15_000,
  ) {
    this.target = new URL('/api/messages', baseUrl);
    if (this.target.hostname !== '127.0.0.1') throw new Error(`benchmarks only load 127.0.0.1, not ${this.target.hostname}`);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  post(activity: unknown): Promise<Answer> {
    const payload = Buffer.from(JSON.stringify(activity));
    return new Promise<Answer>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        this.target,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
          res.on('error', reject);
        },
      );
      req.setTimeout(this.requestTimeoutMs, () => req.destroy(new Error(`no answer within ${this.requestTimeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** `total` requests, at most `inFlight` at a time (1 = sequential), until done or `deadline` (performance.now()). */
export async function runLoad(client: BotClient, total: number, inFlight: number, makeActivity: (i: number) => unknown, deadline = Infinity): Promise<LoadRun> {
  const answers: Answer[] = new Array(total);
  let issued = 0;
  let answered = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < total && performance.now() < deadline) {
      const i = issued++;
      answers[i] = await client.post(makeActivity(i));
      answered++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, total)) }, worker));
  const wallMs = performance.now() - started;
  const done = answers.filter((a): a is Answer => a !== undefined);
  return {
    samples: done.map((a) => a.ms),
    answers: done,
    skipped: total - answered,
    wallMs,
    throughput: (answered / wallMs) * 1000,
  };
}
