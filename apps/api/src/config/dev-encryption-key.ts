import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Outside production, a missing ENCRYPTION_KEY is replaced by a random key kept in DATA_DIR, so secrets
 * stored by one run can be read by the next. Production refuses to start without the variable.
 */
export async function devEncryptionKey(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, 'encryption.key');
  if (existsSync(path)) return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(path, key.toString('base64'), { mode: 0o600 });
  await chmod(path, 0o600);
  return key;
}
