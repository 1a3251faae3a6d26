// What the live-editing server knows about a connection: set when the connection is authorized
// (lib/collab/server), read by every extension (guards, storage, presence). Server-only.
import type { LiveDocumentKind } from "@/lib/collab/prompt-doc";

export type CollabContext = {
  /** The signed-in user (from the session cookie at upgrade). */
  userId: string;
  /** Their display name, for presence. */
  name: string;
  /** The project the document belongs to (a prompt's or a review's). */
  projectId: string;
  documentKind: LiveDocumentKind;
  /** The prompt's or review's id (the document name without its prefix). */
  documentId: string;
  /** Whether this connection may change the document (prompt.edit and not archived). */
  canEdit: boolean;
};
