/**
 * Every migration, in order. Migrations are TypeScript modules holding SQL (not .sql files read
 * at run time) so that the server also works bundled — `npm start` embeds it in the Electron
 * main process, where there is no source folder to read files from.
 *
 * Never edit or renumber a migration that has shipped: the runner refuses to start when an
 * applied migration's checksum differs. Add a new one instead.
 */
import { sql as usersDevices } from './001-users-devices';
import { sql as sync } from './002-sync';
import { sql as attachments } from './003-attachments';
import { sql as recordMovesTable } from './004-record-moves-table';
import { sql as knownToDevice } from './005-known-to-device';
import { sql as partialAttachmentsIndex } from './006-partial-attachments-index';
import { sql as offerPrefix } from './007-offer-prefix';
import { sql as deviceBatchHash } from './008-device-batch-hash';
import { sql as attachmentHolders } from './009-attachment-holders';
import { sql as loginDeviceCookies } from './010-login-device-cookies';
import { sql as pricingHistory } from './011-pricing-history';
import { sql as deviceOfferMarks } from './012-device-offer-marks';
import { sql as recordMoveTimes } from './013-record-move-times';
import { sql as changeLog } from './014-change-log';
import { sql as changeMadeAt } from './015-change-made-at';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'users-devices', sql: usersDevices },
  { version: 2, name: 'sync', sql: sync },
  { version: 3, name: 'attachments', sql: attachments },
  { version: 4, name: 'record-moves-table', sql: recordMovesTable },
  { version: 5, name: 'known-to-device', sql: knownToDevice },
  { version: 6, name: 'partial-attachments-index', sql: partialAttachmentsIndex },
  { version: 7, name: 'offer-prefix', sql: offerPrefix },
  { version: 8, name: 'device-batch-hash', sql: deviceBatchHash },
  { version: 9, name: 'attachment-holders', sql: attachmentHolders },
  { version: 10, name: 'login-device-cookies', sql: loginDeviceCookies },
  { version: 11, name: 'pricing-history', sql: pricingHistory },
  { version: 12, name: 'device-offer-marks', sql: deviceOfferMarks },
  { version: 13, name: 'record-move-times', sql: recordMoveTimes },
  { version: 14, name: 'change-log', sql: changeLog },
  { version: 15, name: 'change-made-at', sql: changeMadeAt },
];
