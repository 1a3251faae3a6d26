/** Who is acting and under which request id; handed to every mutation for its audit entry. */
export type RequestContext = {
  actor: { userId: string; email: string } | null;
  requestId: string;
};
