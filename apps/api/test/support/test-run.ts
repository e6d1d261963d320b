export interface TestRun {
  runId: string;
  ownerUrl: string;
  /** Set when the run started its own embedded cluster (removed at the end). */
  dataDir?: string;
  stop(): Promise<void>;
}
