import protobuf from "protobufjs";
import { checkProtobufValue } from "./protobuf-values";
import type { TCompileResult, TValueSchema } from "./schema-types";
import { CONFLUENT_HEADER_BYTES, readMessageIndexes } from "./wire-format";

/**
 * A .proto file. The value is the file's first top-level message, unless a comment line
 * `// tributary: message <Name>` names another (a full name like `shop.Order` or a short one).
 * Framed values (Confluent wire format) name their message by indexes and may use any message.
 */
const CHOICE = /^\s*\/\/\s*tributary:\s*message\s+([A-Za-z_][\w.]*)\s*$/m;

/** How decoded messages become JSON: 64-bit integers as decimal strings, enums by name, bytes as base64, unset fields as defaults. */
const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: String, bytes: String, defaults: true };

export function compileProtobufSchema(text: string): TCompileResult {
  let root: protobuf.Root;
  try {
    // keepCase: field names as written in the .proto (snake_case stays snake_case in JSON).
    root = protobuf.parse(text, { keepCase: true }).root;
    root.resolveAll();
  } catch (error) {
    return { ok: false, message: `The Protobuf schema does not compile: ${(error as Error).message}.` };
  }
  const messages = topLevelMessages(root);
  const choice = CHOICE.exec(text)?.[1];
  let type: protobuf.Type | undefined;
  if (choice) {
    type = lookupType(root, choice);
    if (!type)
      return { ok: false, message: `The comment names the message ${choice}, which the schema does not declare.` };
  } else {
    type = messages[0];
    if (!type) return { ok: false, message: "The Protobuf schema declares no message." };
  }
  const valueType = type;

  const schema: TValueSchema = {
    format: "protobuf",
    validate: (value) => checkProtobufValue(valueType, value).violation,
    decode(bytes, options) {
      let messageType = valueType;
      let payload = bytes;
      if (options?.isFramed) {
        const framed = readMessageIndexes(bytes.subarray(CONFLUENT_HEADER_BYTES));
        const indexed = framed && typeAtIndexes(messages, framed.indexes);
        if (!framed || !indexed)
          return { ok: false, message: "The frame names a message type this schema does not have." };
        messageType = indexed;
        payload = framed.rest;
      }
      try {
        return { ok: true, value: messageType.toObject(messageType.decode(payload), TO_OBJECT) };
      } catch (error) {
        return { ok: false, message: `The value is not a Protobuf ${messageType.name} (${(error as Error).message}).` };
      }
    },
    encode(value) {
      const { violation, converted } = checkProtobufValue(valueType, value);
      if (violation) return { ok: false, violation };
      return { ok: true, bytes: valueType.encode(valueType.fromObject(converted as Record<string, unknown>)).finish() };
    },
  };
  return { ok: true, schema };
}

/** Messages declared at the top of the file (inside its package), in the order written. */
export function topLevelMessages(root: protobuf.Root): protobuf.Type[] {
  const found: protobuf.Type[] = [];
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type) found.push(nested);
      else if (nested instanceof protobuf.Namespace && !(nested instanceof protobuf.Service)) visit(nested);
    }
  };
  visit(root);
  return found;
}

export function lookupType(root: protobuf.Root, name: string): protobuf.Type | undefined {
  try {
    return root.lookupType(name);
  } catch {
    const short = name.split(".").pop();
    return allMessages(root).find((candidate) => candidate.name === short);
  }
}

export function allMessages(root: protobuf.NamespaceBase): protobuf.Type[] {
  const found: protobuf.Type[] = [];
  for (const nested of root.nestedArray) {
    if (nested instanceof protobuf.Type) found.push(nested);
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) found.push(...allMessages(nested));
  }
  return found;
}

/** [1, 0]: the second top-level message's first nested message. */
function typeAtIndexes(messages: protobuf.Type[], indexes: number[]): protobuf.Type | undefined {
  let candidates = messages;
  let type: protobuf.Type | undefined;
  for (const index of indexes) {
    type = candidates[index];
    if (!type) return undefined;
    candidates = type.nestedArray.filter((nested): nested is protobuf.Type => nested instanceof protobuf.Type);
  }
  return type;
}
