import type { TKafkaErrorSentence } from "./types";

const ASK_ACL = "Ask for the ACL, or use an account that has it.";

/** Authorization, authentication and delegation-token errors. */
export const SECURITY_ERRORS: readonly TKafkaErrorSentence[] = [
  {
    code: 29,
    name: "TOPIC_AUTHORIZATION_FAILED",
    message: "This cluster's ACLs do not allow access to the topic.",
    hint: ASK_ACL,
  },
  {
    code: 30,
    name: "GROUP_AUTHORIZATION_FAILED",
    message: "This cluster's ACLs do not allow access to the consumer group.",
    hint: ASK_ACL,
  },
  {
    code: 31,
    name: "CLUSTER_AUTHORIZATION_FAILED",
    message: "This cluster's ACLs do not allow the operation.",
    hint: ASK_ACL,
  },
  {
    code: 33,
    name: "UNSUPPORTED_SASL_MECHANISM",
    message: "The broker does not offer the SASL mechanism Tributary tried.",
    hint: "Use one of the mechanisms in the broker's sasl.enabled.mechanisms.",
  },
  {
    code: 34,
    name: "ILLEGAL_SASL_STATE",
    message: "The SASL handshake with the broker went out of order.",
    hint: "Reconnect; if it repeats, check the listener's security protocol.",
  },
  {
    code: 53,
    name: "TRANSACTIONAL_ID_AUTHORIZATION_FAILED",
    message: "This cluster's ACLs do not allow the transactional id.",
    hint: ASK_ACL,
  },
  {
    code: 54,
    name: "SECURITY_DISABLED",
    message: "Security features (ACLs, delegation tokens) are disabled on this cluster.",
    hint: "Enable an authorizer on the brokers to manage ACLs.",
  },
  {
    code: 58,
    name: "SASL_AUTHENTICATION_FAILED",
    message: "The broker refused the username or password.",
    hint: "Check the cluster's credentials.",
  },
  {
    code: 61,
    name: "DELEGATION_TOKEN_AUTH_DISABLED",
    message: "Delegation tokens are not enabled on this cluster.",
    hint: "Set delegation.token.secret.key on the brokers to use them.",
  },
  {
    code: 62,
    name: "DELEGATION_TOKEN_NOT_FOUND",
    message: "The broker does not know this delegation token.",
    hint: "It may have expired; create a new one.",
  },
  {
    code: 63,
    name: "DELEGATION_TOKEN_OWNER_MISMATCH",
    message: "This principal is not the owner or a renewer of the delegation token.",
    hint: "Use the token's owner, or name this principal as a renewer when creating it.",
  },
  {
    code: 64,
    name: "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED",
    message: "Delegation tokens cannot be managed over this connection.",
    hint: "Connect with SASL or two-way TLS, not PLAINTEXT or a token.",
  },
  {
    code: 65,
    name: "DELEGATION_TOKEN_AUTHORIZATION_FAILED",
    message: "This cluster's ACLs do not allow managing the delegation token.",
    hint: ASK_ACL,
  },
  {
    code: 66,
    name: "DELEGATION_TOKEN_EXPIRED",
    message: "The delegation token has expired.",
    hint: "Create or renew a token.",
  },
  {
    code: 67,
    name: "INVALID_PRINCIPAL_TYPE",
    message: "The broker does not support this principal type.",
    hint: "Use principals of the form User:<name>.",
  },
  {
    code: 93,
    name: "UNACCEPTABLE_CREDENTIAL",
    message: "The broker refused the new credential as too weak.",
    hint: "Use a longer password or more iterations.",
  },
  {
    code: 97,
    name: "PRINCIPAL_DESERIALIZATION_FAILURE",
    message: "A broker could not read the principal of a forwarded request.",
    hint: "The brokers' principal builders differ; ask the cluster's administrators to check them.",
  },
];
