// kafkajs's socket factory with the address policy in front of every socket: the bootstrap servers
// and every broker kafkajs learns from Metadata (it connects to those through this same factory).
// Used by the server (policed-socket.ts) and by the playground's member processes (demo-member.mjs),
// which cannot run TypeScript, hence plain JavaScript. Types: policed-socket-core.d.mts.
//
// How a socket is admitted: the host is checked as given (an IP literal in full, a name against the
// name rules); a name is then resolved here, once, and every address it resolves to is checked —
// one denied address refuses the name, so a name that half-points at a metadata address is refused
// rather than quietly narrowed. The socket then connects with a `lookup` that answers with exactly
// the addresses checked, so nothing is resolved a second time (a rebinding name cannot swap the
// address between check and connect). TLS runs over that same socket, with the original host name
// as SNI and for the certificate check. A refused socket is destroyed before it ever connects.
import dns from "node:dns";
import net from "node:net";
import tls from "node:tls";
import { checkHost, checkResolvedAddress, compileAddressPolicy } from "../../../domain/network/address-policy.mjs";

/** The `code` of the error a refused socket is destroyed with; kafka-errors.ts turns it into its sentence. */
export const ADDRESS_REFUSED_CODE = "ETRIBUTARY_ADDRESS_REFUSED";

/** The keep-alive kafkajs's own socket factory sets. */
const KEEP_ALIVE_DELAY_MS = 60_000;

export function addressRefusal(sentence) {
  return Object.assign(new Error(sentence), { code: ADDRESS_REFUSED_CODE });
}

/** kafkajs's wording around a socket error's message ("Connection error: …", "Failed to connect: …"). */
const SOCKET_ERROR_PREFIX = /^(Connection error|Failed to connect): /;

/**
 * The sentence of a socket this factory refused, wherever kafkajs wrapped it (its connection error
 * keeps the socket error's code and message; retries and aggregates wrap that); else null.
 */
export function addressRefusalSentence(error) {
  let current = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (current.code === ADDRESS_REFUSED_CODE) return current.message.replace(SOCKET_ERROR_PREFIX, "");
    current = current.cause ?? current.originalError ?? current.errors?.[0];
  }
  return null;
}

/** The addresses this host may be connected to, every one of them checked; throws the refusal. */
async function admittedAddresses(currentPolicy, host) {
  const policy = await currentPolicy();
  const named = checkHost(policy, host);
  if (!named.isAllowed) throw addressRefusal(named.sentence);
  const family = net.isIP(host);
  if (family !== 0) return [{ address: host, family }];
  const resolved = await dns.promises.lookup(host, { all: true, verbatim: true });
  for (const { address } of resolved) {
    const decision = checkResolvedAddress(policy, host, address);
    if (!decision.isAllowed) throw addressRefusal(decision.sentence);
  }
  return resolved;
}

/** A `lookup` for net.connect that answers with the addresses already checked, and resolves nothing. */
function answerWith(addresses) {
  return (hostname, options, callback) => {
    const wanted = options.family ? addresses.filter((entry) => entry.family === options.family) : addresses;
    if (wanted.length === 0) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname }));
    } else if (options.all) callback(null, wanted);
    else callback(null, wanted[0].address, wanted[0].family);
  };
}

/**
 * kafkajs's TLS options (`ssl: true` or an object) over our socket. As kafkajs does, a name is the
 * SNI unless the options name another; `host` is kept for the certificate check, and options that
 * would open another socket (`socket`, `path`) are overridden or dropped.
 */
function tlsOptions(host, ssl, socket) {
  const given = typeof ssl === "object" && ssl !== null ? ssl : {};
  const options = { ...(net.isIP(host) ? {} : { servername: host }), ...given, host, socket };
  delete options.path;
  return options;
}

/**
 * A kafkajs `socketFactory` that asks `currentPolicy()` (a policy, or a promise of one) before each
 * socket. It returns the socket at once, as kafkajs expects, and connects it once admitted.
 */
export function createPolicedSocketFactory(currentPolicy) {
  return ({ host, port, ssl, onConnect }) => {
    const raw = new net.Socket();
    raw.setKeepAlive(true, KEEP_ALIVE_DELAY_MS);
    const socket = ssl ? tls.connect(tlsOptions(host, ssl, raw), onConnect) : raw;
    admittedAddresses(currentPolicy, host).then(
      (addresses) => {
        // kafkajs ends the socket when its connection timeout passes first: then connect nowhere.
        if (socket.destroyed || raw.destroyed || raw.writableEnded) return void socket.destroy();
        raw.connect({ host, port, lookup: answerWith(addresses) }, ssl ? undefined : onConnect);
      },
      (error) => socket.destroy(error),
    );
    return socket;
  };
}

/**
 * For a process that is handed the admins' lists (a playground member): the factory, and a way to
 * take newer lists when an admin changes them (new sockets follow at once).
 */
export function policedSocketFactoryFrom(rules) {
  let policy = compileAddressPolicy(rules);
  return {
    socketFactory: createPolicedSocketFactory(() => policy),
    replaceRules: (next) => {
      policy = compileAddressPolicy(next);
    },
  };
}
