import path from 'node:path';
import type { AppLanguage } from '../../core/ipc-contract';
import { say } from './main-text';

/**
 * Why a file could not be written, in the person's language: the renderer shows it after its own
 * "The file could not be saved:". The usual causes get words; any other its system code ("EIO"),
 * which is what a person reads out to their administrator.
 */
export function saveFailure(language: AppLanguage, error: unknown, filePath: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return say(language, 'saveNotAllowed', { folder: path.dirname(filePath) });
  if (code === 'ENOSPC' || code === 'EDQUOT') return say(language, 'saveDiskFull');
  return say(language, 'saveFailed', { reason: code ?? (error instanceof Error ? error.message : String(error)) });
}
