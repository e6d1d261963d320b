import type { ChildProcess } from 'node:child_process';

export interface RunningApp {
  child: ChildProcess;
  dataDir: string;
  output(): string;
}
