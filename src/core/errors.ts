/**
 * One error type for everything tokenlab rejects. The message always says what is wrong and where:
 * a file, a JSON path (`pre_tokenizer.pretokenizers[2].type`), a line, or a byte offset.
 */
export interface ErrorLocation {
  file?: string;
  /** JSON path inside a document, e.g. `model.merges[12]`. */
  path?: string;
  /** 1-based line number in a text input. */
  line?: number;
  /** 0-based byte offset in a binary or text input. */
  byteOffset?: number;
}

export class TokenlabError extends Error {
  readonly location: ErrorLocation;

  constructor(message: string, location: ErrorLocation = {}) {
    super(formatLocation(location) + message);
    this.name = 'TokenlabError';
    this.location = location;
  }
}

function formatLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.file !== undefined) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  if (loc.byteOffset !== undefined) parts.push(`byte ${loc.byteOffset}`);
  const where = parts.join(':');
  const path = loc.path !== undefined ? `${loc.path}: ` : '';
  return (where ? where + ': ' : '') + path;
}
