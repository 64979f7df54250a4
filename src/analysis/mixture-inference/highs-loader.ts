/**
 * Loads the HiGHS WebAssembly solver (npm `highs`) once per thread.
 * The package's types describe a CommonJS module while Node's ESM import resolves its .mjs build,
 * so the loader function is taken from whichever `default` is callable.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';

type Loader = () => Promise<Highs>;

function loader(): Loader {
  const d = (highsModule as unknown as { default: unknown }).default;
  if (typeof d === 'function') return d as Loader;
  return (d as { default: Loader }).default;
}

let loading: Promise<Highs> | undefined;

export function getHighs(): Promise<Highs> {
  if (loading === undefined) loading = loader()();
  return loading;
}
