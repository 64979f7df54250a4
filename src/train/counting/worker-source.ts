/**
 * What a worker thread loads for the counting worker module.
 *
 * From the built package (.js): the module file itself. From the TypeScript sources (tsx: tests, the
 * benchmarks, `node --import tsx cli/bin.ts`): the module bundled into one ES module by esbuild (tsx's
 * own transpiler, so present wherever tsx is), passed as a data: URL. Why not register tsx in each
 * worker: that loads tsx's loader and every source module per worker, ~35 MB of RSS each (2 workers:
 * ~70 MB of a ~300 MB training run), against ~2 MB for the bundle. When esbuild cannot be loaded, the
 * worker falls back to registering tsx.
 */
import { fileURLToPath } from 'node:url';

let bundled: Promise<string> | undefined;

export function countWorkerSource(): Promise<string> {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return Promise.resolve(new URL('./count-worker.js', self).href);
  bundled ??= bundle(new URL('./count-worker.ts', self)).catch(() => tsxShim(new URL('./count-worker.ts', self).href));
  return bundled;
}

async function bundle(entry: URL): Promise<string> {
  // A computed specifier: esbuild is a dependency of tsx, not of tokenlab, and is only wanted here.
  const name = 'esbuild';
  const esbuild = (await import(name)) as { build(o: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }> };
  // tinypool stays outside the bundle, imported by absolute URL: the worker must share the module
  // instance tinypool's own worker code uses (its transfer marker is a module-private symbol).
  const tinypool = import.meta.resolve('tinypool');
  const external = {
    name: 'tinypool-external',
    setup(b: { onResolve(o: { filter: RegExp }, f: () => { path: string; external: boolean }): void }): void {
      b.onResolve({ filter: /^tinypool$/ }, () => ({ path: tinypool, external: true }));
    },
  };
  const out = await esbuild.build({
    plugins: [external],
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  return 'data:text/javascript,' + encodeURIComponent(out.outputFiles[0]!.text);
}

function tsxShim(target: string): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); const m = await import(${JSON.stringify(target)}); export default m.default;`;
  return 'data:text/javascript,' + encodeURIComponent(code);
}
