import protobuf from "protobufjs";
import { allMessages, lookupType, topLevelMessages } from "./protobuf-schema";

/**
 * Protobuf rules for a reader on one .proto reading data written with another, per message (matched
 * by full name) and field (matched by number, as the wire does): a number reused with a type the
 * wire cannot carry over, a field or message the reader requires that the writer may leave out,
 * a field changing between repeated and single. Renames pass: the wire carries numbers only.
 */
const WIRE_GROUPS: readonly (readonly string[])[] = [
  ["int32", "uint32", "int64", "uint64", "bool"],
  ["sint32", "sint64"],
  ["fixed32", "sfixed32"],
  ["fixed64", "sfixed64"],
  ["string", "bytes"],
];

export function protobufReadProblems(readerText: string, writerText: string): string[] {
  const reader = parseRoot(readerText);
  const writer = parseRoot(writerText);
  const problems: string[] = [];
  const readerTop = topLevelMessages(reader)[0];
  const writerTop = topLevelMessages(writer)[0];
  if (
    readerTop &&
    writerTop &&
    readerTop.fullName !== writerTop.fullName &&
    !lookupType(reader, writerTop.fullName.slice(1))
  ) {
    problems.push(
      `the message ${writerTop.fullName.slice(1)} is gone (the value is now ${readerTop.fullName.slice(1)}).`,
    );
  }
  const readerMessages = new Map(allMessages(reader).map((type) => [type.fullName, type]));
  for (const writerType of allMessages(writer)) {
    const readerType = readerMessages.get(writerType.fullName);
    if (readerType) problems.push(...messageProblems(readerType, writerType));
  }
  return problems;
}

/**
 * Fields of the previous version missing from the next whose numbers the next does not reserve:
 * a later version could reuse the number with another type and old data would be misread. A rule
 * about the change itself, whatever the direction of reading.
 */
export function protobufRemovalProblems(previousText: string, nextText: string): string[] {
  const previous = parseRoot(previousText);
  const nextMessages = new Map(allMessages(parseRoot(nextText)).map((type) => [type.fullName, type]));
  const problems: string[] = [];
  for (const type of allMessages(previous)) {
    const next = nextMessages.get(type.fullName);
    if (!next) continue;
    for (const field of type.fieldsArray) {
      if (next.fieldsById[field.id] || isReserved(next, field.id)) continue;
      const message = type.fullName.slice(1);
      problems.push(
        `field ${message}.${field.name} (number ${field.id}) is removed without reserving its number; reserve ${field.id} so no later field reuses it with another type.`,
      );
    }
  }
  return problems;
}

function parseRoot(text: string): protobuf.Root {
  const root = protobuf.parse(text, { keepCase: true }).root;
  root.resolveAll();
  return root;
}

function messageProblems(reader: protobuf.Type, writer: protobuf.Type): string[] {
  const problems: string[] = [];
  const message = writer.fullName.slice(1);
  for (const writerField of writer.fieldsArray) {
    const readerField = reader.fieldsById[writerField.id];
    const name = `${message}.${writerField.name}`;
    // A field the reader lacks is skipped on the wire; removal is judged once, by protobufRemovalProblems.
    if (!readerField) continue;
    if (!sameWireType(readerField, writerField)) {
      problems.push(
        `field number ${writerField.id} of ${message} changes from ${describe(writerField)} ${writerField.name} to ${describe(readerField)} ${readerField.name}, which the wire cannot carry over.`,
      );
    } else if (readerField.repeated !== writerField.repeated && !(readerField.map || writerField.map)) {
      problems.push(
        `field ${name} changes from ${writerField.repeated ? "repeated to single" : "single to repeated"}.`,
      );
    }
    if (readerField.required && !writerField.required) {
      problems.push(`field ${message}.${readerField.name} becomes required, and values without it exist.`);
    }
  }
  for (const readerField of reader.fieldsArray) {
    if (readerField.required && !writer.fieldsById[readerField.id]) {
      problems.push(`field ${message}.${readerField.name} is new and required, and values without it exist.`);
    }
  }
  return problems;
}

function isReserved(type: protobuf.Type, id: number): boolean {
  return (type.reserved ?? []).some((entry) => Array.isArray(entry) && id >= entry[0]! && id <= entry[1]!);
}

function describe(field: protobuf.Field): string {
  return field.resolvedType ? field.resolvedType.fullName.slice(1) : field.type;
}

function sameWireType(reader: protobuf.Field, writer: protobuf.Field): boolean {
  const isReaderMap = reader instanceof protobuf.MapField;
  const isWriterMap = writer instanceof protobuf.MapField;
  if (isReaderMap !== isWriterMap) return false;
  if (isReaderMap && isWriterMap) return reader.keyType === writer.keyType && sameValueType(reader, writer);
  return sameValueType(reader, writer);
}

function sameValueType(reader: protobuf.Field, writer: protobuf.Field): boolean {
  const readerType = reader.resolvedType;
  const writerType = writer.resolvedType;
  if (readerType instanceof protobuf.Type || writerType instanceof protobuf.Type) {
    // Messages travel as length-delimited bytes; matching full names are compared on their own.
    return readerType instanceof protobuf.Type && writerType instanceof protobuf.Type;
  }
  // Enums travel as varints, like int32.
  const readerWire = readerType instanceof protobuf.Enum ? "int32" : reader.type;
  const writerWire = writerType instanceof protobuf.Enum ? "int32" : writer.type;
  if (readerWire === writerWire) return true;
  return WIRE_GROUPS.some((group) => group.includes(readerWire) && group.includes(writerWire));
}
