import "server-only";
import net from "node:net";

/** Resolves when nothing listens on host:port; otherwise rejects with the listen error's code. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function portInUseMessage(port: number): string {
  return `Port ${port} is already in use, so the embedded PostgreSQL cannot start — stop whatever listens there or set EMBEDDED_POSTGRES_PORT to a free port.`;
}
