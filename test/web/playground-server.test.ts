/**
 * `tokenlab playground`'s static server (web/server/static-server.ts) and the command itself: serves
 * files with the right types, gzip when asked, never outside its folder; the command builds the app
 * when web/dist is missing, listens on 127.0.0.1 and rejects a bad --port.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { startStaticServer } from '../../web/server/static-server.js';
import { repoRoot } from '../support/paths.js';

/** A raw GET (fetch would normalise '..' away and decompress by itself). */
function get(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('static server: index, types, gzip, 404 and no escape from the root', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-static-'));
  mkdirSync(join(dir, 'encodings'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'encodings', 'a.bin'), Buffer.alloc(5000, 7));
  writeFileSync(join(dir, '..', 'tokenlab-secret.txt'), 'TOP-SECRET-CONTENT');
  const s = await startStaticServer(dir, { port: 0 });
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(s.url, '/');
    assert.equal(index.status, 200);
    assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
    const gz = await get(s.url, '/encodings/a.bin', { 'Accept-Encoding': 'gzip, br' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), Buffer.alloc(5000, 7));
    assert.ok(gz.body.length < 200);
    const plain = await get(s.url, '/encodings/a.bin');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.length, 5000);
    assert.equal((await get(s.url, '/nope.js')).status, 404);
    for (const p of ['/../tokenlab-secret.txt', '/%2e%2e/tokenlab-secret.txt', '/encodings/..%2f..%2ftokenlab-secret.txt']) {
      const r = await get(s.url, p);
      assert.ok(r.status === 403 || r.status === 404, `${p} → ${r.status}`);
      assert.ok(!r.body.toString().includes('TOP-SECRET-CONTENT'), p);
    }
  } finally {
    await s.close();
  }
});

test('tokenlab playground rejects a bad --port', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'cli', 'bin.ts'), 'playground', '--port', 'eighty', '--no-open'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--port: expected a port number/);
});

test('tokenlab playground serves the built app (building it first if needed)', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'cli', 'bin.ts'), 'playground', '--port', '0', '--no-open'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d; });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d; const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out); if (m) resolve(m[1]!); });
      child.on('exit', (code) => reject(new Error(`playground exited with ${code}: ${err}`)));
    });
    const index = await get(url, '/');
    assert.equal(index.status, 200);
    const script = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(index.body.toString());
    assert.ok(script, 'index.html loads the bundled script');
    assert.equal((await get(url, `/${script[1]}`)).status, 200);
    const vocab = await get(url, '/encodings/cl100k_base.bin');
    assert.equal(vocab.status, 200);
    assert.ok(vocab.body.length > 500_000);
    assert.equal((await get(url, '/udhr-sample.json')).status, 200);
  } finally {
    child.kill('SIGTERM');
  }
});
