/**
 * The demo company's profile (the letterhead of its offers): a UK trade supplier, with a logo
 * drawn here — a hex nut on an indigo tile — so the demo's documents are branded without any
 * stored image.
 */
import { COMPANY_PROFILE_ID, type CompanyProfile, type CompanyProfileFields } from '../pricing/catalog-model';
import { DEMO_AS_OF } from './as-of';
import { base64, encodePalettePng, type Rgba } from './png';

const SIZE = 128;
/** Sub-samples per pixel side: 4 × 4 per pixel gives 17 levels of coverage for smooth edges. */
const SUB = 4;
const LEVELS = SUB * SUB;
const INDIGO = [54, 79, 199] as const;

/** Whether (x, y), in units of the logo's size centred on 0, is on the tile (a rounded square). */
function onTile(x: number, y: number): boolean {
  const half = 0.5;
  const r = 0.22;
  const dx = Math.max(Math.abs(x) - (half - r), 0);
  const dy = Math.max(Math.abs(y) - (half - r), 0);
  return dx * dx + dy * dy <= r * r;
}

/** Whether (x, y) is on the nut: a regular hexagon (flat sides at `apothem`) with a round hole. */
function onNut(x: number, y: number): boolean {
  const apothem = 0.3;
  for (const angle of [0, Math.PI / 3, (2 * Math.PI) / 3]) {
    if (Math.abs(x * Math.cos(angle) + y * Math.sin(angle)) > apothem) return false;
  }
  return x * x + y * y > 0.14 * 0.14;
}

/** The logo as a PNG `data:` URL (about 22 KB). */
export function demoLogoDataUrl(): string {
  // Palette: 0–16 the tile's edge (indigo at rising opacity); 17–33 the tile from indigo to white.
  const palette: Rgba[] = [];
  for (let k = 0; k <= LEVELS; k++) palette.push([...INDIGO, Math.round((255 * k) / LEVELS)]);
  const toWhite = (c: number, k: number) => Math.round(c + ((255 - c) * k) / LEVELS);
  for (let k = 0; k <= LEVELS; k++) palette.push([toWhite(INDIGO[0], k), toWhite(INDIGO[1], k), toWhite(INDIGO[2], k), 255]);
  const pixels = new Uint8Array(SIZE * SIZE);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let tile = 0;
      let nut = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const x = (px + (sx + 0.5) / SUB) / SIZE - 0.5;
          const y = (py + (sy + 0.5) / SUB) / SIZE - 0.5;
          if (onTile(x, y)) tile++;
          if (onNut(x, y)) nut++;
        }
      }
      // The nut lies well inside the tile, so an edge pixel is never part of both.
      pixels[py * SIZE + px] = tile < LEVELS ? tile : LEVELS + 1 + nut;
    }
  }
  return `data:image/png;base64,${base64(encodePalettePng(SIZE, SIZE, palette, pixels))}`;
}

export const DEMO_COMPANY: Omit<CompanyProfileFields, 'logo'> = {
  name: 'Halden & Stroud',
  legalName: 'Halden & Stroud Industrial Supply Ltd',
  taxId: 'GB 284 6519 37',
  address: 'Unit 4, Riverside Trade Park, 18 Wharf Road, London E15 2SU, United Kingdom',
  phone: '+44 20 7946 0321',
  email: 'sales@halden-stroud.example',
  website: 'www.halden-stroud.example',
  bankDetails: 'NatWest Bank · IBAN GB29 NWBK 6016 1331 9268 19 · BIC NWBKGB2L',
  offerFooter:
    'Halden & Stroud Industrial Supply Ltd · Registered in England and Wales No. 08412937 · VAT GB 284 6519 37. ' +
    'Prices exclude VAT unless stated. Goods remain our property until paid for in full.',
};

/** The demo company's profile record. */
export function demoCompanyProfile(): CompanyProfile {
  return { id: COMPANY_PROFILE_ID, ...DEMO_COMPANY, logo: demoLogoDataUrl(), updatedAt: DEMO_AS_OF };
}
