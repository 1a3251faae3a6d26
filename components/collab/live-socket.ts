"use client";

// The one WebSocket a browser tab opens to /api/collab: every live document on the page (the
// prompt, a review's presence) is multiplexed over it. It exists while a document uses it.
import { HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";

let socket: HocuspocusProviderWebsocket | null = null;
let users = 0;
// Set when the server refused the session itself: reconnecting could only be refused again.
let stopped = false;

const collabUrl = () => `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/api/collab`;

// When the browser says the network is gone, the socket is closed at once rather than after the
// 30 s without messages it would otherwise wait (a dead connection can look open that long), so
// the page says "offline" and edits wait in the document; when it returns, it connects right away
// instead of at the next back-off step.
function onOffline() {
  socket?.disconnect();
}
function onOnline() {
  if (!socket || stopped) return;
  socket.shouldConnect = true;
  if (socket.status !== WebSocketStatus.Connected) void socket.connect();
}

/** The page's socket, opened on first use; pair each call with {@link releaseLiveSocket}. */
export function acquireLiveSocket(): HocuspocusProviderWebsocket {
  users += 1;
  if (!socket) {
    stopped = false;
    socket = new HocuspocusProviderWebsocket({
      url: collabUrl(),
      // Back off from 1 s to 15 s between attempts while the server is away, forever.
      delay: 1000,
      factor: 2,
      maxDelay: 15_000,
    });
    if (!navigator.onLine) socket.disconnect();
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
  }
  return socket;
}

export function releaseLiveSocket() {
  users = Math.max(0, users - 1);
  if (users > 0 || !socket) return;
  window.removeEventListener("offline", onOffline);
  window.removeEventListener("online", onOnline);
  socket.destroy();
  socket = null;
}

/** Stops reconnecting (the server refused this session: signed out, bad origin, too many tabs). */
export function stopLiveSocket() {
  stopped = true;
  socket?.disconnect();
}
