/** The company server's answer about signed-in laptops (`GET /api/devices`), as the app reads it. */

/** One sign-in of one person on one laptop (each sign-in is a device of its own). */
export interface DeviceView {
  id: string;
  /** What the laptop called itself at sign-in ("Fieldbook on ANNA-X1 (Windows)"). */
  name: string;
  /**
   * When its person has more than one device of this name: its number among them, in the order
   * they signed in (signed-out ones included, so a number never changes), shown as "name #2"
   * here and in a client's history (`ChangeLogEntry.deviceNumber`). Absent: the name is its own.
   */
  nameNumber?: number;
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
