// CPU time of the processes a benchmark runs, by kind, from Linux's /proc (nothing elsewhere):
// on two cores, a test whose processes together use more than twice its wall time of CPU is
// bound by the machine, and this says which process to make cheaper.
import { readdirSync, readFileSync } from 'node:fs';

/** What a process is, from its command line: Chromium's process types, PostgreSQL, Node. */
function kindOf(comm, cmdline) {
  if (comm === 'postgres') return 'postgres';
  if (/chrom/i.test(comm) || cmdline.includes('chromium')) {
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
    if (!type) return 'chromium browser';
    if (type === 'utility') return `chromium ${/--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1]?.replace(/\.mojom\.\w+$/, '') ?? 'utility'}`;
    return `chromium ${type}`;
  }
  if (comm === 'node' || comm.startsWith('node')) return 'node';
  return null;
}

/** CPU milliseconds used so far by each process of interest, by pid. */
export function processCpu() {
  const byPid = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const kind = kindOf(comm, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
      if (!kind) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(pid, { kind, ms: (Number(fields[11]) + Number(fields[12])) * 10 }); // utime + stime, USER_HZ 100
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return byPid;
}

/**
 * CPU ms used between two readings, by kind (`node` split into `own` — this process — and the
 * other Node processes). Processes started after `before` count whole.
 */
export function cpuBetween(before, after) {
  const totals = {};
  for (const [pid, { kind, ms }] of after) {
    const name = kind === 'node' ? (Number(pid) === process.pid ? 'node (bench)' : 'node (server)') : kind;
    totals[name] = (totals[name] ?? 0) + ms - (before.get(pid)?.ms ?? 0);
  }
  return Object.fromEntries(Object.entries(totals).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
}

export const describeCpu = (totals) => Object.entries(totals).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ');
