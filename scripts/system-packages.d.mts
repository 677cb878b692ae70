/** Types of system-packages.mjs (a plain Node module: CI runs it before `npm ci`). */
export interface Probes {
  file(pattern: string): boolean;
  command(name: string): boolean;
}
export interface SystemPackage {
  name: string;
  neededFor: string;
  present(env: Record<string, string | undefined>, has: Probes): boolean;
}
export const SYSTEM_PACKAGES: readonly SystemPackage[];
