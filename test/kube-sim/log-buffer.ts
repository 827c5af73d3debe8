/** A container's log as the kubelet keeps it: stdout and stderr interleaved, one timestamp per line. */

/** Most bytes kept per container run; older lines are dropped first (the kubelet rotates at 10 MiB). */
export const LOG_LIMIT_BYTES = 10 * 1024 * 1024;

/** One line (with its newline, unless it is the unfinished last one). */
interface LogLine {
  time: Date;
  text: string;
}

/** What a log request asks for. */
export interface LogQuery {
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

/** The log of one run of one container. */
export class LogBuffer {
  private readonly lines: LogLine[] = [];
  private bytes = 0;
  private readonly followers = new Set<(text: string, time: Date) => void>();
  private readonly endListeners = new Set<() => void>();
  private finished = false;

  /** Appends output; complete lines get their own timestamp. */
  append(chunk: Buffer | string): void {
    const now = new Date();
    let text = chunk.toString();
    const last = this.lines.at(-1);
    if (last && !last.text.endsWith('\n')) {
      const newline = text.indexOf('\n');
      const head = newline < 0 ? text : text.slice(0, newline + 1);
      last.text += head;
      text = text.slice(head.length);
      this.emit(head, last.time);
    }
    for (const piece of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
      this.lines.push({ time: now, text: piece });
      this.emit(piece, now);
    }
    this.bytes += Buffer.byteLength(chunk);
    while (this.bytes > LOG_LIMIT_BYTES && this.lines.length > 1) {
      this.bytes -= Buffer.byteLength(this.lines.shift()?.text ?? '');
    }
  }

  /** The log as a log request wants it. */
  read(query: LogQuery): string {
    let lines = this.lines;
    if (query.sinceSeconds !== undefined) {
      const since = Date.now() - query.sinceSeconds * 1000;
      lines = lines.filter((l) => l.time.getTime() >= since);
    }
    if (query.tailLines !== undefined) lines = query.tailLines === 0 ? [] : lines.slice(-query.tailLines);
    const text = lines.map((l) => (query.timestamps ? `${l.time.toISOString()} ${l.text}` : l.text)).join('');
    return query.limitBytes !== undefined ? Buffer.from(text).subarray(0, query.limitBytes).toString() : text;
  }

  /** Calls `follower` with every later piece of output; returns the function that stops it. */
  follow(follower: (text: string, time: Date) => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Marks the run as over (followers are told once). */
  end(): void {
    if (this.finished) return;
    this.finished = true;
    for (const listener of this.endListeners) listener();
    this.endListeners.clear();
  }

  /** Calls `listener` when the run is over (at once if it is). */
  onEnd(listener: () => void): () => void {
    if (this.finished) {
      listener();
      return () => {};
    }
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** Whether the run is over. */
  get ended(): boolean {
    return this.finished;
  }

  private emit(text: string, time: Date): void {
    for (const follower of this.followers) follower(text, time);
  }
}
