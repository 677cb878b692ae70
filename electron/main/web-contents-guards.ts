/**
 * Applies the security predicates to every web contents and to the session: no navigation away
 * from the app, no new windows (links go to the OS browser instead), no <webview>, and no
 * permissions except the camera for the app's own pages.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isAllowedNavigation, isPermissionAllowed, normalizeExternalUrl, type TrustedOrigins } from './security';

function openInOperatingSystem(rawUrl: string): void {
  const url = normalizeExternalUrl(rawUrl);
  if (url === null) return;
  // Called through the module object (not a destructured reference) so tests can observe it.
  shell.openExternal(url).catch((error: unknown) => console.warn('Could not open link:', error));
}

/** Guards one web contents; main/index.ts calls it from app 'web-contents-created'. */
export function guardWebContents(contents: WebContents, trusted: TrustedOrigins): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, trusted)) {
      event.preventDefault();
      console.warn(`Blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-frame-navigate', (details) => {
    if (!isAllowedNavigation(details.url, trusted)) details.preventDefault();
  });

  // The app never opens windows of its own; an external link (target=_blank, window.open) is
  // handed to the OS browser if its scheme is allowed and dropped otherwise.
  contents.setWindowOpenHandler(({ url }) => {
    openInOperatingSystem(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permission policy for the app's session. */
export function guardSession(session: Session, trusted: TrustedOrigins): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed({ permission, mediaTypes, requestingUrl: details.requestingUrl }, trusted));
  });
  session.setPermissionCheckHandler((_contents, permission, _requestingOrigin, details) => {
    const mediaType = 'mediaType' in details ? details.mediaType : undefined;
    // The frame's URL, not just the origin: the camera is for one screen only.
    return isPermissionAllowed({ permission, mediaTypes: mediaType ? [mediaType] : [], requestingUrl: details.requestingUrl }, trusted);
  });
  // WebHID/USB/serial; screen capture stays denied because no display-media handler is set.
  session.setDevicePermissionHandler(() => false);
}
