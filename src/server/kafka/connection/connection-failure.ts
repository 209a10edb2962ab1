import "server-only";

/**
 * A sentence for each way connecting to a cluster fails: the name does not resolve, nothing listens,
 * the TLS handshake fails (and why), the SASL login is refused, or what answers is not Kafka.
 * kafkajs wraps the socket's error in KafkaJSConnectionError and keeps Node's `code`
 * (ENOTFOUND, ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_SSL_WRONG_VERSION_NUMBER…).
 */

export type TConnectionFailure = {
  /** "dns" and "refused" are what "Kafka is unreachable" has always meant; the rest say more. */
  kind: "dns" | "refused" | "timeout" | "tls" | "sasl" | "not-kafka";
  message: string;
  hint: string;
};

type TErrorShape = Error & {
  code?: unknown;
  type?: unknown;
  broker?: unknown;
  cause?: unknown;
  originalError?: unknown;
};

const UNTRUSTED_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);

/** The innermost kafkajs error (NumberOfRetriesExceeded and friends wrap the socket's). */
function innermost(error: unknown): TErrorShape | null {
  let current = error instanceof Error ? (error as TErrorShape) : null;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const inner = current.cause ?? current.originalError;
    if (!(inner instanceof Error)) break;
    current = inner as TErrorShape;
  }
  return current;
}

function hostOf(address: string): string {
  return address.replace(/:\d+$/, "");
}

const TLS_HINT_PLAINTEXT = "Turn TLS off for this cluster, or give the brokers' TLS port.";

function tlsFailure(code: string, message: string, at: string): TConnectionFailure | null {
  if (UNTRUSTED_CODES.has(code)) {
    return {
      kind: "tls",
      message: `The TLS certificate of ${at} is not signed by a certificate authority Tributary trusts.`,
      hint: "Give the certificate of the CA that signed the brokers' certificates as the cluster's CA bundle.",
    };
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const names = /altnames: (.+)$/.exec(message)?.[1];
    const wanted = /Host: (.+?)\.? is not/.exec(message)?.[1] ?? /IP: (.+?) is not/.exec(message)?.[1];
    return {
      kind: "tls",
      message: `The TLS certificate of ${at} is not valid for the name ${wanted ?? hostOf(at)}${names ? ` (it names ${names})` : ""}.`,
      hint: "Connect by a name the certificate carries, or set the server name to one of them.",
    };
  }
  if (code === "CERT_HAS_EXPIRED") {
    return {
      kind: "tls",
      message: `The TLS certificate of ${at} has expired.`,
      hint: "Renew the broker's certificate.",
    };
  }
  if (code === "CERT_NOT_YET_VALID") {
    return {
      kind: "tls",
      message: `The TLS certificate of ${at} is not valid yet.`,
      hint: "Check the clocks of the broker and of the Tributary server.",
    };
  }
  // The answer to the ClientHello was not TLS (e.g. an HTTP server's plaintext reply), or a
  // plaintext Kafka listener read it as a giant request size and hung up.
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "EPROTO" || /before secure TLS connection/.test(message)) {
    return {
      kind: "tls",
      message: `${at} does not speak TLS: the TLS handshake got no TLS answer, so it is probably a plaintext port.`,
      hint: TLS_HINT_PLAINTEXT,
    };
  }
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) {
    const reason = /:([a-z0-9 ]+):[^:]*$/i.exec(message.split("\n")[0] ?? "")?.[1];
    return {
      kind: "tls",
      message: `${at} refused the TLS handshake${reason ? ` (${reason})` : ""}.`,
      hint: "A broker that requires a client certificate refuses a connection without one: check the client certificate and key.",
    };
  }
  return null;
}

/** The sentence for a failure to connect, or null when the error is something else (e.g. a refused request). */
export function connectionFailureOf(error: unknown, bootstrapServers: string): TConnectionFailure | null {
  const cause = innermost(error);
  if (!cause) return null;
  const at =
    typeof cause.broker === "string" && !cause.broker.startsWith("undefined") ? cause.broker : bootstrapServers;
  const code = typeof cause.code === "string" ? cause.code : "";
  if (cause.name === "KafkaJSSASLAuthenticationError") {
    return {
      kind: "sasl",
      message: `The brokers at ${bootstrapServers} refused the SASL login: wrong username or password (SASL authentication failed).`,
      hint: "Check the username and password, and that the user exists on the cluster for this mechanism.",
    };
  }
  if (cause.type === "ILLEGAL_SASL_STATE" || cause.type === "UNSUPPORTED_SASL_MECHANISM") {
    return {
      kind: "sasl",
      message: `The listener at ${bootstrapServers} does not take a SASL login with this mechanism.`,
      hint: "Pick the mechanism the listener uses, give its SASL port, or turn SASL off for this cluster.",
    };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    const host = /getaddrinfo \w+ (\S+)/.exec(cause.message)?.[1] ?? hostOf(at);
    return {
      kind: "dns",
      message: `The name ${host} does not resolve: DNS has no address for it.`,
      hint: "Check the spelling of the bootstrap servers, and that the Tributary server's DNS knows the name.",
    };
  }
  if (code === "ECONNREFUSED") {
    return {
      kind: "refused",
      message: `Nothing accepts connections at ${at}: the connection was refused.`,
      hint: "Check the port and that the broker is running there.",
    };
  }
  const tls = tlsFailure(code, cause.message, at);
  if (tls) return tls;
  if (
    code === "ETIMEDOUT" ||
    code === "EHOSTUNREACH" ||
    code === "ENETUNREACH" ||
    cause.message === "Connection timeout"
  ) {
    return {
      kind: "timeout",
      message: `${at} did not accept a connection in time: no route to it, or a firewall drops the packets.`,
      hint: "Check that the Tributary server can reach that address and port.",
    };
  }
  if (cause.name === "KafkaJSConnectionClosedError" || cause.name === "KafkaJSRequestTimeoutError") {
    return {
      kind: "not-kafka",
      message: `${at} took the connection but did not answer as a Kafka broker: it is another service (e.g. an HTTP server), or its listener expects TLS or SASL.`,
      hint: "Check that the port is a Kafka listener, and whether it needs TLS or SASL.",
    };
  }
  return null;
}
