import { parseIsoInstant } from './time';

/**
 * Readers for the JSON of the exchange format. Each takes the value and its field path
 * (`sessions[12].durationMinutes`) and throws a FieldError whose message is one line naming
 * the path and the problem.
 */
export class FieldError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'FieldError';
  }
}

export type Json = Record<string, unknown>;

/** A value as it stands in the file, short enough for a one-line message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function field(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

function expected(path: string, what: string, value: unknown): never {
  throw new FieldError(path, value === undefined ? 'missing' : `expected ${what}, got ${show(value)}`);
}

export function readObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) expected(path, 'an object', value);
  return value as Json;
}

export function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) expected(path, 'an array', value);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') expected(path, 'a string', value);
  return value;
}

export function readId(value: unknown, path: string): string {
  const id = readString(value, path);
  if (id.trim() === '') throw new FieldError(path, 'must not be empty');
  return id;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') expected(path, 'true or false', value);
  return value;
}

export interface NumberRule {
  integer?: boolean;
  /** Smallest value allowed; 0 when not given, so negative numbers are refused. */
  min?: number;
}

export function readNumber(value: unknown, path: string, rule: NumberRule = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) expected(path, 'a number', value);
  if (rule.integer && !Number.isInteger(value)) throw new FieldError(path, `${value} is not a whole number`);
  const min = rule.min ?? 0;
  if (value < min) throw new FieldError(path, `${value} is less than ${min}`);
  return value;
}

/** An ISO-8601 UTC instant; returns the text as given and its ms. */
export function readInstant(value: unknown, path: string): { text: string; ms: number } {
  const text = readString(value, path);
  const ms = parseIsoInstant(text);
  if (ms === undefined) throw new FieldError(path, `${show(text)} is not an ISO-8601 UTC instant ending in Z`);
  return { text, ms };
}

/** Reads `obj[key]` with `read` when present; undefined when absent (null counts as a wrong type). */
export function optional<T>(obj: Json, key: string, path: string, read: (value: unknown, path: string) => T): T | undefined {
  return obj[key] === undefined ? undefined : read(obj[key], field(path, key));
}

/** Reads each element of an array with its own path. */
export function readEach<T>(value: unknown, path: string, read: (value: unknown, path: string, index: number) => T): T[] {
  return readArray(value, path).map((element, index) => read(element, item(path, index), index));
}
