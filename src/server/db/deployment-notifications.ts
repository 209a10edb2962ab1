import "server-only";
import pg from "pg";
import { env } from "~/env";
import { DEPLOYMENTS_CHANNEL } from "~/domain/pipelines/runtime/naming";
import { describeDatabaseUrl } from "./database-url";

/** After a lost connection: 1 s, 2 s, 4 s… up to 10 s between attempts. */
const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;

export type TDeploymentNotifications = {
  /** Stops listening and closes the connection. */
  stop(): Promise<void>;
};

export type TListenOptions = {
  /** A sentence when the connection is lost or comes back (the runner logs it). */
  onStatus?: (sentence: string) => void;
};

/**
 * LISTEN on DEPLOYMENTS_CHANNEL over a dedicated connection (a pooled one would be handed to other
 * queries between notifications). `onNotify` receives the deployment id of each deploy, stop or
 * resume, and null after a reconnect: notifications sent while the connection was down are lost,
 * so the listener should read every deployment again. The runner polls as well, so a lost
 * notification only delays a change.
 */
export function listenForDeployments(
  onNotify: (deploymentId: string | null) => void,
  options: TListenOptions = {},
): TDeploymentNotifications {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set, so the runner cannot learn of deployments.");
  const target = describeDatabaseUrl(databaseUrl);
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = RECONNECT_FIRST_MS;
  let timer: NodeJS.Timeout | null = null;
  let everConnected = false;
  let lostSaid = false;

  const scheduleReconnect = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  const lost = (current: pg.Client, error: unknown) => {
    if (client !== current) return;
    client = null;
    current.end().catch(() => undefined);
    if (!lostSaid && !stopped) {
      lostSaid = true;
      const reason = error instanceof Error ? error.message : "the connection closed";
      options.onStatus?.(
        `Lost the connection to PostgreSQL at ${target.host}:${target.port} that listens for deployments (${reason}); reconnecting, and polling meanwhile.`,
      );
    }
    scheduleReconnect();
  };

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // Without an 'error' listener a dropped idle connection crashes the process.
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, null));
    next.on("notification", (message) => {
      if (message.channel === DEPLOYMENTS_CHANNEL) onNotify(message.payload ?? null);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${DEPLOYMENTS_CHANNEL}`);
    } catch {
      next.removeAllListeners("end");
      await next.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = RECONNECT_FIRST_MS;
    if (everConnected) {
      options.onStatus?.(`Listening for deployments on PostgreSQL at ${target.host}:${target.port} again.`);
      onNotify(null);
    }
    everConnected = true;
    lostSaid = false;
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners("end");
        await current.end().catch(() => undefined);
      }
    },
  };
}
