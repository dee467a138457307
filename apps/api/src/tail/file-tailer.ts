import { open, stat } from 'node:fs/promises';

export interface TailPosition {
  /** Byte offset of the first line not read yet. */
  offset: number;
  /** Inode of the file read, to notice a rotation (a new file at the same path). */
  inode: number;
  /** Number of the next line (1-based), for rejection messages. */
  line: number;
}

export interface TailChunk {
  lines: { line: number; text: string }[];
  position: TailPosition;
}

const MAX_READ = 4 << 20;

/**
 * Reads what a growing file gained since `position`: whole lines only (a partial last line waits for its
 * newline). A rotated file (new inode) or a truncated one (smaller than the offset) is read from the start.
 */
export async function readNewLines(path: string, position: TailPosition): Promise<TailChunk> {
  const info = await stat(path);
  let { offset, line } = position;
  if (info.ino !== position.inode || info.size < offset) {
    offset = 0;
    line = 1;
  }
  if (info.size === offset) {
    return { lines: [], position: { offset, inode: info.ino, line } };
  }
  const handle = await open(path, 'r');
  try {
    const length = Math.min(info.size - offset, MAX_READ);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    const lastNewline = buffer.lastIndexOf(0x0a, bytesRead - 1);
    if (lastNewline < 0) {
      return { lines: [], position: { offset, inode: info.ino, line } };
    }
    const text = buffer.subarray(0, lastNewline).toString('utf8');
    const lines = text.split('\n').map((t) => ({ line: line++, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
    return { lines, position: { offset: offset + lastNewline + 1, inode: info.ino, line } };
  } finally {
    await handle.close();
  }
}
