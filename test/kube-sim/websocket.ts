/**
 * The server side of WebSocket (RFC 6455), just what exec needs: the handshake with subprotocol choice,
 * masked client frames (fragmented or not), ping/pong, binary messages out, and the close handshake.
 */
import { createHash } from 'node:crypto';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/** `Sec-WebSocket-Accept` for a client key. */
export function acceptKey(key: string): string {
  return createHash('sha1')
    .update(key + GUID)
    .digest('base64');
}

/** The `101 Switching Protocols` response. */
export function handshakeResponse(key: string, protocol: string): string {
  return [
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${acceptKey(key)}`,
    `Sec-WebSocket-Protocol: ${protocol}`,
    '',
    '',
  ].join('\r\n');
}

/** One frame, server to client (never masked). */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** A decoded frame and how many bytes it took, or undefined when more bytes are needed. */
export function decodeFrame(
  buffer: Buffer,
): { fin: boolean; opcode: number; payload: Buffer; size: number } | undefined {
  if (buffer.length < 2) return undefined;
  const first = buffer[0] ?? 0;
  const second = buffer[1] ?? 0;
  let offset = 2;
  let length = second & 0x7f;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (second & 0x80) !== 0;
  const maskAt = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked)
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (buffer[maskAt + (i % 4)] ?? 0);
  return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload, size: offset + length };
}

/** An accepted WebSocket connection. */
export class WebSocketConnection {
  private pending = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closeSent = false;
  private readonly messageListeners: ((data: Buffer) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];

  private readonly socket: Duplex;

  constructor(socket: Duplex) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      for (const listener of this.closeListeners) listener();
    });
  }

  /** Calls `listener` with every complete text or binary message. */
  onMessage(listener: (data: Buffer) => void): void {
    this.messageListeners.push(listener);
  }

  /** Calls `listener` once the connection is gone (either side). */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Sends one binary message (nothing after close). */
  sendBinary(data: Buffer): void {
    if (!this.closeSent && this.socket.writable) this.socket.write(encodeFrame(OP_BINARY, data));
  }

  /** Starts the close handshake and ends the connection. */
  close(code = 1000, reason = ''): void {
    if (this.closeSent) return;
    this.closeSent = true;
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2);
    if (this.socket.writable) this.socket.end(encodeFrame(OP_CLOSE, payload));
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  /** Drops the connection without a close frame (a reset, as a dying server or network does). */
  destroy(): void {
    this.closeSent = true;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (let frame = decodeFrame(this.pending); frame; frame = decodeFrame(this.pending)) {
      this.pending = this.pending.subarray(frame.size);
      this.handle(frame.fin, frame.opcode, frame.payload);
    }
  }

  private handle(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === OP_PING) {
      if (!this.closeSent) this.socket.write(encodeFrame(OP_PONG, payload));
    } else if (opcode === OP_CLOSE) {
      this.close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000);
    } else if (opcode === OP_TEXT || opcode === OP_BINARY || opcode === OP_CONTINUATION) {
      this.fragments.push(payload);
      if (!fin) return;
      const message = Buffer.concat(this.fragments);
      this.fragments = [];
      for (const listener of this.messageListeners) listener(message);
    }
  }
}
