/**
 * A lookup of components by their tokenizer.json `type` string, built from one array per stage.
 * Why: each stage's index.ts lists its components once; the registry refuses duplicates so two
 * components can never silently claim the same `type`.
 */
import { TokenlabError } from './errors.js';

export interface Registered {
  readonly type: string;
}

export class Registry<T extends Registered> {
  private readonly byType = new Map<string, T>();

  /** `what` names the stage in error messages ("normalizer", "pre-tokenizer"). */
  constructor(readonly what: string, components: readonly T[]) {
    for (const c of components) {
      if (this.byType.has(c.type)) {
        throw new TokenlabError(`duplicate ${what} type "${c.type}" in registry`);
      }
      this.byType.set(c.type, c);
    }
  }

  /** The component registered for `type`, or a TokenlabError naming `path` (the JSON path of the `type` field's object). */
  get(type: unknown, path: string): T {
    if (typeof type !== 'string') {
      throw new TokenlabError(`missing or non-string "type" (expected one of ${this.types().join(', ')})`, {
        path: `${path}.type`,
      });
    }
    const c = this.byType.get(type);
    if (c === undefined) {
      throw new TokenlabError(`unknown type "${type}" (expected one of ${this.types().join(', ')})`, {
        path: `${path}.type`,
      });
    }
    return c;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}
