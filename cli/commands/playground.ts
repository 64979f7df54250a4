/**
 * `tokenlab playground [--port N] [--no-open] [--rebuild]`: serves the web playground (web/) on
 * 127.0.0.1 from a tiny static server, building it first with Vite when web/dist is missing.
 */
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { TokenlabError } from '../../src/core/errors.js';
import { defaultOutDir } from '../../web/build/paths.js';
import { startStaticServer } from '../../web/server/static-server.js';

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`could not open a browser; visit ${url}\n`));
    child.unref();
  } catch {
    process.stderr.write(`could not open a browser; visit ${url}\n`);
  }
}

export function playgroundCommand(): Command {
  return new Command('playground')
    .description('serve the web playground (see and compare tokenizations in the browser) on 127.0.0.1')
    .option('-p, --port <n>', 'port to listen on', '5178')
    .option('--no-open', 'do not open a browser')
    .option('--rebuild', 'rebuild the app even if web/dist exists')
    .action(async (flags: { port: string; open: boolean; rebuild?: boolean }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TokenlabError(`--port: expected a port number 0–65535, got ${JSON.stringify(flags.port)}`);
      if (flags.rebuild || !existsSync(join(defaultOutDir, 'index.html'))) {
        process.stderr.write(`building the playground into ${defaultOutDir} …\n`);
        const { buildPlayground } = await import('../../web/build/build-app.js');
        const t0 = Date.now();
        await buildPlayground(defaultOutDir);
        process.stderr.write(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      }
      let server;
      try {
        server = await startStaticServer(defaultOutDir, { port });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new TokenlabError(code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port` : `cannot serve the playground: ${(e as Error).message}`);
      }
      process.stdout.write(`tokenlab playground: ${server.url}  (Ctrl-C to stop)\n`);
      if (flags.open) openBrowser(server.url);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
