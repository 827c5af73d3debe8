/** The audit log: one entry per request, kept in memory and optionally appended to a file as JSON lines. */
import { appendFileSync } from 'node:fs';

/** One request as the simulator answered it. */
export interface AuditEntry {
  /** When the response status was decided (RFC 3339 with milliseconds). */
  time: string;
  /** Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection (or the HTTP method). */
  verb: string;
  /** HTTP method. */
  method: string;
  /** Path with query string. */
  path: string;
  /** Resource with subresource (`pods/exec`), when the path names one. */
  resource?: string;
  /** HTTP status code sent (101 for an upgraded exec). */
  code: number;
  /** The client's User-Agent. */
  userAgent?: string;
  /** Who sent it (with RBAC on: the bearer token's user, or system:anonymous). */
  user?: string;
}

/** Collects audit entries; `entries` is the live array handed out to tests. */
export class AuditLog {
  readonly entries: AuditEntry[] = [];

  private readonly filePath: string | undefined;

  constructor(filePath?: string) {
    this.filePath = filePath;
  }

  /** Records one entry (and appends it to the file, if any). */
  record(entry: Omit<AuditEntry, 'time'>): void {
    const full: AuditEntry = { time: new Date().toISOString(), ...entry };
    this.entries.push(full);
    if (this.filePath) appendFileSync(this.filePath, `${JSON.stringify(full)}\n`);
  }
}
