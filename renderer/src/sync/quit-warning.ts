import { useEffect } from 'react';
import { useSyncSummary } from '../data/sync/sync-session';
import { isRestarting } from './sync-controller';

/**
 * Closing the app with unsynced changes asks first. In the browser build the browser shows its
 * own "Leave site?" dialog; in the desktop app main answers `will-prevent-unload` with a native
 * dialog. The changes are safe on the laptop either way — the question is about syncing first.
 */
export function useQuitWarning(): void {
  const pending = useSyncSummary()?.pending ?? 0;
  useEffect(() => {
    if (pending === 0) return;
    const warn = (event: BeforeUnloadEvent) => {
      // Signing out asked already, and said what is not synced; its restart must go through.
      // A made-up event is the app asking its forms whether it may reload (app/unsaved-work.ts):
      // unsynced changes stay on the laptop through a reload, so this warning does not answer it.
      if (isRestarting() || !event.isTrusted) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);
}
