export function parsePayloadText(text: string): unknown;
export function jsonataBoolean(value: unknown): boolean;
