import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';

/** The largest message the server reads (the SDK's own limit); a larger one is answered with an error, not fatal. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Newline-delimited JSON-RPC over stdin and stdout, like the SDK's StdioServerTransport,
 * except for bad input: the SDK's reader throws on a message over its limit and the
 * server stops answering, and it drops a malformed line without a word. Here each bad
 * line gets a JSON-RPC error (id null unless the line named one) and the next line is
 * read as usual. A line is held in pieces, so a long one is not copied chunk after chunk.
 */
export class LineTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  private pieces: Buffer[] = [];
  private size = 0;
  /** True while the rest of an oversize line is being skipped. */
  private skipping = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {}

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      this.take(chunk.subarray(start, nl));
      this.endLine();
      start = nl + 1;
    }
    this.take(chunk.subarray(start));
  };

  private readonly onInputError = (e: Error) => this.onerror?.(e);

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
  }

  private take(piece: Buffer): void {
    if (this.skipping || piece.length === 0) return;
    if (this.size + piece.length > MAX_MESSAGE_BYTES) {
      this.pieces = [];
      this.size = 0;
      this.skipping = true;
      void this.fail(null, ErrorCode.InvalidRequest, `message larger than ${MAX_MESSAGE_BYTES} bytes; it was skipped`);
      return;
    }
    this.pieces.push(piece);
    this.size += piece.length;
  }

  private endLine(): void {
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    const line = Buffer.concat(this.pieces).toString('utf8').replace(/\r$/, '');
    this.pieces = [];
    this.size = 0;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      void this.fail(null, ErrorCode.ParseError, 'Parse error: the line is not JSON');
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(value);
    if (!message.success) {
      void this.fail(idOf(value), ErrorCode.InvalidRequest, 'Invalid Request: not a JSON-RPC 2.0 message');
      return;
    }
    this.onmessage?.(message.data);
  }

  private fail(id: RequestId | null, code: number, message: string): Promise<void> {
    this.onerror?.(new Error(message));
    return this.write(JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } }));
  }

  private write(json: string): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(json + '\n')) resolve();
      else this.output.once('drain', resolve);
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.write(JSON.stringify(message));
  }

  async close(): Promise<void> {
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.pieces = [];
    this.onclose?.();
  }
}

function idOf(value: unknown): RequestId | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
