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
  /** The commit the run measured. */
  headSha: string;
  runNumber: number;
  /** The pull request of a pull_request run (its GITHUB_REF is refs/pull/<n>/merge). */
  pullRequest?: number;
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
  /** Past its retention: still listed (`expired: true`), its download answers 410. */
  expired: boolean;
}

/** A pull request comment. */
export interface SimComment {
  id: number;
  issueNumber: number;
  body: string;
  /** Login of the user who wrote it. */
  author: string;
}

/** A fault the REST API answers instead of the route: the first that matches a request wins. */
export interface SimFault {
  method?: string;
  /** Matched against the path with its query. */
  path: RegExp;
  status: number;
  message: string;
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
  readonly faults: SimFault[] = [];
  /** Personal access tokens and their user's login (GET /user); the github-token is an installation token. */
  readonly users = new Map<string, string>();
  private nextId = 1000;

  constructor(
    readonly repository: { owner: string; repo: string },
    readonly defaultBranch: string,
    /** The github-token the REST API accepts. */
    readonly token: string,
  ) {}

  /** Forgets every run, artifact, comment, request and fault (one stand-in for several tests). */
  reset(): void {
    for (const list of [this.runs, this.artifacts, this.comments, this.requests, this.faults])
      list.length = 0;
    this.users.clear();
  }

  /** A new id for an artifact or a comment. */
  newId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  /** Adds a workflow run (ids as the test chooses). */
  addRun(
    run: Omit<SimRun, 'backendId' | 'jobBackendId' | 'headSha' | 'runNumber'> &
      Partial<Pick<SimRun, 'backendId' | 'headSha' | 'runNumber'>>,
  ): SimRun {
    const full: SimRun = {
      ...run,
      backendId: run.backendId ?? `run-${run.id}-${randomBytes(4).toString('hex')}`,
      jobBackendId: `job-${run.id}`,
      headSha: run.headSha ?? createHash('sha1').update(`commit of run ${run.id}`).digest('hex'),
      runNumber: run.runNumber ?? this.runs.length + 1,
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
      expired: false,
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

  /** Adds a finalized artifact holding `zip` to a run, as if the run had uploaded it. */
  seedArtifact(runId: number, name: string, zip: Buffer, options: { expired?: boolean } = {}): SimArtifact {
    const artifact = this.createArtifact(runId, name);
    if (artifact === undefined) throw new Error(`run ${runId} already has an artifact ${name}`);
    artifact.content = zip;
    artifact.contentType = 'application/zip';
    this.finalize(artifact);
    artifact.expired = options.expired ?? false;
    return artifact;
  }

  /** The login a token acts as: a personal token's user, else the workflow token's bot. */
  loginOf(token: string | undefined): string {
    return (token === undefined ? undefined : this.users.get(token)) ?? 'github-actions[bot]';
  }

  /** Comments of one issue or pull request, oldest first. */
  commentsOf(issueNumber: number): SimComment[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }
}
