// Refuses to run against anything but a local database: these tests create accounts freely.
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const host = new URL(url).hostname;
    if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
      throw new Error(`E2E tests refuse to run against a non-local database (${host}). Unset DATABASE_URL.`);
    }
  }
}
