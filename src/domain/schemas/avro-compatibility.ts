import type { Type } from "avsc";
import { parseAvroType } from "./avro-schema";

type TField = { name: string; aliases: string[]; type: Type; defaultValue(): unknown };
type TRecord = Type & { fields: TField[] };

/**
 * avsc's resolver decides (reader.createResolver(writer) throws when the reader cannot read the
 * writer's data); its message names types, not fields, so on failure a walk over matching records
 * finds the fields to name.
 */
export function avroReadProblems(readerText: string, writerText: string): string[] {
  const reader = parseAvroType(JSON.parse(readerText));
  const writer = parseAvroType(JSON.parse(writerText));
  try {
    reader.createResolver(writer);
    return [];
  } catch (error) {
    const named = fieldProblems(reader, writer, "");
    return named.length > 0 ? named : [`${sentenceCase((error as Error).message)}.`];
  }
}

function fieldProblems(reader: Type, writer: Type, path: string): string[] {
  if (!isRecord(reader) || !isRecord(writer)) {
    if (reader.typeName === "array" && writer.typeName === "array") {
      return fieldProblems(itemsOf(reader), itemsOf(writer), `${path}[]`);
    }
    if (reader.typeName === "map" && writer.typeName === "map") {
      return fieldProblems(valuesOf(reader), valuesOf(writer), `${path}{}`);
    }
    return [];
  }
  const problems: string[] = [];
  for (const field of reader.fields) {
    const name = `${path}${path ? "." : ""}${field.name}`;
    const source = writer.fields.find(
      (candidate) => candidate.name === field.name || field.aliases.includes(candidate.name),
    );
    if (!source) {
      if (field.defaultValue() === undefined) {
        problems.push(`field "${name}" is new without a default, so data written without it cannot be read.`);
      }
      continue;
    }
    try {
      field.type.createResolver(source.type);
    } catch {
      const nested = fieldProblems(field.type, source.type, name);
      problems.push(
        ...(nested.length > 0
          ? nested
          : [`field "${name}" cannot be read as ${describe(field.type)} from ${describe(source.type)}.`]),
      );
    }
  }
  return problems;
}

function isRecord(type: Type): type is TRecord {
  return type.typeName === "record" || type.typeName === "error";
}

function itemsOf(type: Type): Type {
  return (type as Type & { itemsType: Type }).itemsType;
}

function valuesOf(type: Type): Type {
  return (type as Type & { valuesType: Type }).valuesType;
}

function describe(type: Type): string {
  if (type.typeName.startsWith("union")) {
    return `a union of ${(type as Type & { types: Type[] }).types.map((branch) => branch.branchName ?? branch.typeName).join(", ")}`;
  }
  if (type.typeName === "enum")
    return `the enum ${type.name ?? ""} (${(type as Type & { symbols: string[] }).symbols.join(", ")})`;
  return type.name ? `${type.typeName} ${type.name}` : type.typeName;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
