/** Types of preflight.mjs (a plain Node module: CI runs it before `npm ci`). */
import type { Probes, SystemPackage } from './system-packages.mjs';

type Env = Record<string, string | undefined>;
export type PreflightPlan = { action: 'run' } | { action: 'install'; packages: string[] } | { action: 'stop'; message: string };

export function fileExists(pattern: string): boolean;
export function commandExists(name: string, env?: Env): boolean;
export function missingPackages(env?: Env, has?: Probes): SystemPackage[];
export function preflightPlan(machine: { missing: readonly SystemPackage[]; isRoot: boolean; isDebian: boolean }): PreflightPlan;
export function thisMachine(env?: Env): { isRoot: boolean; isDebian: boolean };
export function preflight(env?: Env): boolean;
