import { Writable } from 'node:stream';

/** An app log written into memory: pass `{ level, stream }` as createTestApp's logger, read `text()`. */
export function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines, text: () => lines.join('') };
}
