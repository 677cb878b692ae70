import type { DesktopApi } from '../../../core/ipc-contract';

declare global {
  interface Window {
    /** The desktop API from the Electron preload; absent in the browser build. */
    readonly fieldbook?: DesktopApi;
  }
}
