/** What the GitHub stand-in remembers: workflow runs, their artifacts, pull request comments, requests. */
import { createHash, randomBytes } from 'node:crypto';

/** A workflow run as the REST API lists it. */
export interface SimRun {
  id: number;
  /** The artifact service's id of the run (in the runtime token's scope). */
  backendId: string;
  jobBackendId: string;
  workflowFile: string;
  branch: string;
  event: string;
  status: 'completed' | 'in_progress';
  conclusion: 'success' | 'failure' | null;
}

/** An artifact: created through Twirp, filled through the blob API, finalized through Twirp. */
export interface SimArtifact {
  id: number;
  runId: number;
  name: string;
  /** Query value the signed URLs carry. */
  signature: string;
  blocks: Map<string, Buffer>;
  content?: Buffer;
  contentType?: string;
  finalized: boolean;
  size: number;
  digest?: string;
  createdAt: string;
}

/** A pull request comment. */
export interface SimComment {
  id: number;
  issueNumber: number;
  body: string;
}

/** One request, for assertions. */
export interface SimRequest {
  method: string;
  path: string;
  status: number;
}

/** The stand-in's state; the HTTP handlers read and change it. */
export class SimStore {
  readonly runs: SimRun[] = [];
  readonly artifacts: SimArtifact[] = [];
  readonly comments: SimComment[] = [];
  readonly requests: SimRequest[] = [];
  private nextId = 1000;

  constructor(
    readonly repository: { owner: string; repo: string },
    readonly defaultBranch: string,
    /** The github-token the REST API accepts. */
    readonly token: string,
  ) {}

  /** A new id for an artifact or a comment. */
  newId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  /** Adds a workflow run (ids as the test chooses). */
  addRun(run: Omit<SimRun, 'backendId' | 'jobBackendId'> & Partial<Pick<SimRun, 'backendId'>>): SimRun {
    const full: SimRun = {
      ...run,
      backendId: run.backendId ?? `run-${run.id}-${randomBytes(4).toString('hex')}`,
      jobBackendId: `job-${run.id}`,
    };
    this.runs.push(full);
    return full;
  }

  runById(id: number): SimRun | undefined {
    return this.runs.find((run) => run.id === id);
  }

  runByBackendId(backendId: string): SimRun | undefined {
    return this.runs.find((run) => run.backendId === backendId);
  }

  /** Creates an artifact of a run; undefined when the run already has a finalized one of that name. */
  createArtifact(runId: number, name: string): SimArtifact | undefined {
    const existing = this.artifacts.find((a) => a.runId === runId && a.name === name);
    if (existing?.finalized) return undefined;
    const artifact: SimArtifact = {
      id: this.newId(),
      runId,
      name,
      signature: randomBytes(8).toString('hex'),
      blocks: new Map(),
      finalized: false,
      size: 0,
      createdAt: new Date().toISOString(),
    };
    if (existing) this.artifacts.splice(this.artifacts.indexOf(existing), 1);
    this.artifacts.push(artifact);
    return artifact;
  }

  /** Finalized artifacts of a run, optionally by name or id. */
  artifactsOf(runId: number, filter: { name?: string; id?: number } = {}): SimArtifact[] {
    return this.artifacts.filter(
      (a) =>
        a.runId === runId &&
        a.finalized &&
        (filter.name === undefined || a.name === filter.name) &&
        (filter.id === undefined || a.id === filter.id),
    );
  }

  /** Commits the staged blocks in the order given (Azure "Put Block List"). */
  commitBlocks(artifact: SimArtifact, blockIds: string[], contentType: string | undefined): boolean {
    const parts = blockIds.map((id) => artifact.blocks.get(id));
    if (parts.some((part) => part === undefined)) return false;
    artifact.content = Buffer.concat(parts as Buffer[]);
    artifact.contentType = contentType;
    artifact.blocks.clear();
    return true;
  }

  /** Marks an artifact finalized with its size and sha256 digest. */
  finalize(artifact: SimArtifact): void {
    const content = artifact.content ?? Buffer.alloc(0);
    artifact.finalized = true;
    artifact.size = content.length;
    artifact.digest = `sha256:${createHash('sha256').update(content).digest('hex')}`;
  }

  /** Comments of one issue or pull request, oldest first. */
  commentsOf(issueNumber: number): SimComment[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }
}
