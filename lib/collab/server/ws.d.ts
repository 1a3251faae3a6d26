// The parts of `ws` (a dependency of @hocuspocus/server) the live-editing server and its tests use.
// Declared here because @types/ws is not installed; Hocuspocus' own type files name the same module.
declare module "ws" {
  import type { EventEmitter } from "node:events";
  import type { IncomingMessage, OutgoingHttpHeaders } from "node:http";
  import type { Duplex } from "node:stream";

  type RawData = Buffer | ArrayBuffer | Buffer[];

  class WebSocket extends EventEmitter {
    static readonly CONNECTING: 0;
    static readonly OPEN: 1;
    static readonly CLOSING: 2;
    static readonly CLOSED: 3;
    constructor(url: string | URL, options?: { headers?: OutgoingHttpHeaders; maxPayload?: number });
    constructor(url: string | URL, protocols?: string | string[], options?: { headers?: OutgoingHttpHeaders });
    readonly readyState: 0 | 1 | 2 | 3;
    binaryType: "nodebuffer" | "arraybuffer" | "fragments";
    onopen: ((event: unknown) => void) | null;
    onclose: ((event: { code: number; reason: string }) => void) | null;
    onmessage: ((event: { data: RawData }) => void) | null;
    onerror: ((event: unknown) => void) | null;
    send(data: Uint8Array | string, callback?: (error?: Error) => void): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    ping(): void;
    addEventListener(type: string, listener: (...args: never[]) => void): void;
    removeEventListener(type: string, listener: (...args: never[]) => void): void;
    on(event: "message", listener: (data: RawData, isBinary: boolean) => void): this;
    on(event: "close", listener: (code: number, reason: Buffer) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: "unexpected-response", listener: (request: unknown, response: IncomingMessage) => void): this;
    on(event: string, listener: (...args: never[]) => void): this;
  }

  class WebSocketServer extends EventEmitter {
    constructor(options: { noServer: true; maxPayload?: number; perMessageDeflate?: boolean });
    readonly clients: Set<WebSocket>;
    handleUpgrade(
      request: IncomingMessage,
      socket: Duplex,
      head: Buffer,
      callback: (client: WebSocket, request: IncomingMessage) => void,
    ): void;
    close(callback?: (error?: Error) => void): void;
  }

  export { WebSocket, WebSocketServer, type RawData };
  export default WebSocket;
}
