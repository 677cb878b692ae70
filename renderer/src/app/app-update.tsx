/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The browser build's service worker (made by vite-plugin-pwa, electron.vite.config.ts): it keeps
 * the app's files, so the app opens with no network after its first visit. A newer build is
 * fetched in the background and waits; a notification says it is ready, and the new version
 * starts when the person clicks "Reload" — never by itself, and never over something they typed.
 */
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { registerSW } from 'virtual:pwa-register';
import { captureDraftWritten } from '../data/leads/capture-draft';
import { getPlatform } from '../platform';
import { reloadOnPurpose } from '../sync/sync-controller';
import { hasUnsavedWork, watchTyping } from './unsaved-work';

/** A window open all day at the booth still hears of a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Registers the service worker, in the browser build only. Once, at the app's start. */
export function startAppUpdates(): void {
  // The desktop app serves its files itself from app:// and has no service worker (nor does the
  // scheme allow one); `electron-vite dev` serves sources, which nothing should cache.
  if (getPlatform().kind === 'desktop' || !('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  watchTyping();
  /** This window asked the new version to take over, and reloads when it has. */
  let asked = false;
  /** The new version took over already (another window of the app asked): a reload starts it. */
  let tookOver = false;

  const takeOver = registerSW({
    onNeedRefresh: () => showUpdateReady(reload),
    onNeedReload: () => {
      if (asked) reloadOnPurpose();
      else tookOver = true;
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined); // offline now: the next hour
      }, CHECK_EVERY_MS);
    },
    onRegisterError: (e: unknown) => console.warn('The app could not be made available offline', e),
  });

  /**
   * The notification's Reload: false (and nothing happens) when it would lose typed work. A lead
   * being typed on the capture screen is kept as it is typed: the reload waits for its last
   * keystrokes to be written, and the new version shows it again.
   */
  function reload(): boolean {
    if (hasUnsavedWork()) return false;
    void captureDraftWritten().then(() => {
      if (tookOver) {
        reloadOnPurpose();
      } else {
        asked = true;
        void takeOver();
      }
    });
    return true;
  }
}

function showUpdateReady(reload: () => boolean): void {
  notifications.show({
    id: 'app-update',
    title: i18next.t('appUpdate.title'),
    message: <UpdateReady reload={reload} />,
    autoClose: false,
    withCloseButton: true,
    'data-testid': 'app-update',
  });
}

function UpdateReady({ reload }: { reload: () => boolean }) {
  const { t } = useTranslation();
  const [blocked, setBlocked] = useState(false);
  return (
    <>
      <Text size="sm">{t('appUpdate.text')}</Text>
      {blocked && (
        <Text size="sm" c="orange.9" mt={4} role="alert">
          {t('appUpdate.saveFirst')}
        </Text>
      )}
      <Group justify="flex-end" mt="xs">
        <Button size="xs" onClick={() => setBlocked(!reload())}>
          {t('appUpdate.reload')}
        </Button>
      </Group>
    </>
  );
}
