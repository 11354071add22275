import type { ChildProcess } from 'node:child_process';

/** An error when the service process has exited (for `waitFor`'s `failIf`), else undefined. */
export function exitedError(child: ChildProcess, name: string, logFile: string): Error | undefined {
  if (child.exitCode === null && child.signalCode === null) return undefined;
  return new Error(`${name} exited ${child.exitCode ?? child.signalCode}; see ${logFile}`);
}
