import { appendFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readNewLines, type TailPosition } from './file-tailer.js';

describe(readNewLines.name, () => {
  let dir: string;
  let path: string;
  const start: TailPosition = { offset: 0, inode: 0, line: 1 };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-tail-'));
    path = join(dir, 'queue_log');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads whole lines and keeps a partial last line for later', async () => {
    await writeFile(path, '1|a|q|NONE|ENTERQUEUE\r\n2|b|q|NONE|ENTER');
    const first = await readNewLines(path, start);
    expect(first.lines).toEqual([{ line: 1, text: '1|a|q|NONE|ENTERQUEUE' }]);
    await appendFile(path, 'QUEUE\n3|c|q|NONE|ENTERQUEUE\n');
    const second = await readNewLines(path, first.position);
    expect(second.lines).toEqual([
      { line: 2, text: '2|b|q|NONE|ENTERQUEUE' },
      { line: 3, text: '3|c|q|NONE|ENTERQUEUE' },
    ]);
    expect(await readNewLines(path, second.position)).toMatchObject({ lines: [] });
  });

  it('starts over on a rotated or truncated file', async () => {
    await writeFile(path, 'old 1\nold 2\n');
    const before = await readNewLines(path, start);
    await rename(path, `${path}.1`);
    await writeFile(path, 'new 1\n');
    expect((await readNewLines(path, before.position)).lines).toEqual([{ line: 1, text: 'new 1' }]);
  });
});
