/** The company server's answer about signed-in laptops (`GET /api/devices`), as the app reads it. */

/** One sign-in of one person on one laptop (each sign-in is a device of its own). */
export interface DeviceView {
  id: string;
  /** What the laptop called itself at sign-in ("Fieldbook on ANNA-X1 (Windows)"). */
  name: string;
  userId: string;
  userLogin: string;
  userName: string;
  createdAt: string;
  lastSeenAt: string | null;
  /** When it was signed out: by itself, by its person from another laptop, or by an admin. */
  revokedAt: string | null;
  /** The device making this request. */
  current: boolean;
}

export interface DevicesResponse {
  devices: DeviceView[];
}
