// Version, review, line and position numbers are int4 columns: a larger number in a request would
// reach PostgreSQL (or Prisma's own range check) and fail as a 500, so schemas bound them first.
export const MAX_INT4 = 2_147_483_647;
