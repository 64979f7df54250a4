import type { Adapter } from './types.js';

/**
 * Registry: CLI name -> adapter module (relative to this file). Adding a library = one adapter file + one
 * line here. Modules are imported lazily, in the child process that benchmarks them only.
 */
export const ADAPTERS: Record<string, string> = {
  tokenlab: './tokenlab.js',
  tiktoken: './tiktoken.js',
  'js-tiktoken': './js-tiktoken.js',
  'gpt-tokenizer': './gpt-tokenizer.js',
  'ai-tokenizer': './ai-tokenizer.js',
};

/** The library whose ids are the truth for the correctness check. */
export const REFERENCE = 'tiktoken';

export async function loadAdapter(name: string): Promise<Adapter> {
  const rel = ADAPTERS[name];
  if (!rel) throw new Error(`unknown library "${name}" (known: ${Object.keys(ADAPTERS).join(', ')})`);
  return ((await import(rel)) as { default: Adapter }).default;
}
