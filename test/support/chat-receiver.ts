/**
 * A stand-in for the chat platforms' inbound URLs (Slack response_url, Slack incoming webhooks, Teams
 * Workflows webhooks): a local `node:http` server that records every JSON POST by path and answers 200
 * (or what the test says for a path).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  path: string;
  body: unknown;
  at: number;
}

export interface ChatReceiver {
  readonly url: string;
  readonly posts: ReceivedPost[];
  postsTo(path: string): ReceivedPost[];
  /** Answer `status` for posts to `path` from now on. */
  failOn(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startChatReceiver(): Promise<ChatReceiver> {
  const posts: ReceivedPost[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      const status = failures.get(path) ?? 200;
      if (status === 200) posts.push({ path, body, at: Date.now() });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'failed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    postsTo: (path) => posts.filter((post) => post.path === path),
    failOn: (path, status) => failures.set(path, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
