import { z } from 'zod';
import type { FormField } from './form-field.types.js';

/** Argument names that hold money in fen (shown in yuan) or basis points (shown as %). */
const MONEY_KEYS = new Set(['minSpend', 'off', 'every', 'cap', 'maxDiscount', 'price', 'groupPrice', 'leaderDiscount', 'budget']);
const BASIS_POINT_KEYS = new Set(['payRate', 'weight', 'holdout', 'minMargin']);
const SKU_KEYS = new Set(['sku']);
const SKU_LIST_KEYS = new Set(['skus', 'buySkus', 'getSkus', 'excludeSkus']);
const TIME_PATTERN = /^\^\(\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d\$/;

interface CheckDef {
  check?: string;
  minimum?: number;
  maximum?: number;
  pattern?: RegExp;
}

/** The definitions of a schema's checks (`.min()`, `.max()`, `.regex()`...). */
function checkDefs(schema: z.ZodType): CheckDef[] {
  const checks = (schema.def as { checks?: { _zod: { def: CheckDef } }[] }).checks ?? [];
  return checks.map((c) => c._zod.def);
}

interface Unwrapped {
  schema: z.ZodType;
  optional: boolean;
  defaultValue?: unknown;
}

/** Peels optional / nullable / default / pipes, remembering optionality and the default. */
function unwrap(schema: z.ZodType): Unwrapped {
  let current: z.ZodType = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault) {
      defaultValue = current.def.defaultValue;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return { schema: current, optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };
    }
  }
}

function literalValue(schema: z.ZodType): unknown {
  const inner = unwrap(schema).schema;
  return inner instanceof z.ZodLiteral ? inner.def.values[0] : undefined;
}

/** The key whose value is a literal in every option, if any (zod's discriminator or an inferred one). */
function findDiscriminator(options: readonly z.ZodType[]): string | null {
  const objects = options.map((o) => unwrap(o).schema);
  if (!objects.every((o) => o instanceof z.ZodObject)) return null;
  const shapes = objects.map((o) => (o as z.ZodObject).shape as Record<string, z.ZodType>);
  const first = shapes[0];
  if (!first) return null;
  const candidates = Object.keys(first).filter((key) => shapes.every((shape) => shape[key] && literalValue(shape[key]) !== undefined));
  const distinct = candidates.find((key) => new Set(shapes.map((s) => String(literalValue(s[key]!)))).size === shapes.length);
  return distinct ?? null;
}

function fieldFor(key: string, path: string, schema: z.ZodType): FormField {
  const { schema: inner, optional, defaultValue } = unwrap(schema);
  const base = { key, path, optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };

  if (inner instanceof z.ZodLiteral) return { ...base, kind: 'literal', value: inner.def.values[0] };
  if (inner instanceof z.ZodBoolean) return { ...base, kind: 'boolean' };
  if (inner instanceof z.ZodEnum) return { ...base, kind: 'enum', options: inner.options.map(String) };
  if (inner instanceof z.ZodNumber) {
    if (MONEY_KEYS.has(key)) return { ...base, kind: 'money' };
    if (BASIS_POINT_KEYS.has(key)) return { ...base, kind: 'basisPoints' };
    return {
      ...base,
      kind: 'number',
      int: inner.isInt,
      ...(inner.minValue !== null && Number.isFinite(inner.minValue) ? { min: inner.minValue } : {}),
      ...(inner.maxValue !== null && inner.maxValue < Number.MAX_SAFE_INTEGER ? { max: inner.maxValue } : {}),
    };
  }
  if (inner instanceof z.ZodString) {
    if (SKU_KEYS.has(key)) return { ...base, kind: 'sku' };
    if (checkDefs(inner).some((c) => c.pattern && TIME_PATTERN.test(c.pattern.source))) return { ...base, kind: 'time' };
    return { ...base, kind: 'text', ...(inner.maxLength !== null ? { maxLength: inner.maxLength } : {}) };
  }
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType).schema;
    const checks = checkDefs(inner);
    const minItems = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
    const maxItems = checks.find((c) => c.check === 'max_length')?.maximum;
    if (element instanceof z.ZodEnum) return { ...base, kind: 'multiEnum', options: element.options.map(String) };
    if (element instanceof z.ZodString) return { ...base, kind: 'stringList', itemKind: SKU_LIST_KEYS.has(key) ? 'sku' : 'text' };
    if (element instanceof z.ZodObject) {
      return { ...base, kind: 'objectList', fields: objectFields(element, ''), minItems, ...(maxItems !== undefined ? { maxItems } : {}) };
    }
    return { ...base, kind: 'unsupported' };
  }
  if (inner instanceof z.ZodObject) return { ...base, kind: 'object', fields: objectFields(inner, path) };
  if (inner instanceof z.ZodUnion) {
    const options = inner.options as readonly z.ZodType[];
    const discriminator = findDiscriminator(options);
    if (!discriminator) return { ...base, kind: 'unsupported' };
    return {
      ...base,
      kind: 'union',
      discriminator,
      variants: options.map((option) => {
        const object = unwrap(option).schema as z.ZodObject;
        return { value: String(literalValue((object.shape as Record<string, z.ZodType>)[discriminator]!)), fields: objectFields(object, path) };
      }),
    };
  }
  return { ...base, kind: 'unsupported' };
}

function objectFields(object: z.ZodObject, prefix: string): FormField[] {
  return Object.entries(object.shape as Record<string, z.ZodType>).map(([key, schema]) => fieldFor(key, prefix ? `${prefix}.${key}` : key, schema));
}

/**
 * Walks a node's zod args schema into form fields: objects, strings (SKU and HH:mm detected),
 * numbers (fen → yuan, basis points → %), booleans, enums, arrays of strings / enums / objects,
 * and (discriminated) unions. Paths in list items are relative to the item.
 */
export function schemaToForm(schema: z.ZodType): FormField[] {
  const { schema: inner } = unwrap(schema);
  if (inner instanceof z.ZodObject) return objectFields(inner, '');
  return [fieldFor('value', '', inner)];
}

/** One option of a union whose `discriminator` equals `value` (e.g. the offer schema of one kind). */
export function pickUnionOption(schema: z.ZodType, discriminator: string, value: string): z.ZodType | null {
  const inner = unwrap(schema).schema;
  if (!(inner instanceof z.ZodUnion)) return null;
  for (const option of inner.options as readonly z.ZodType[]) {
    const unwrapped = unwrap(option).schema;
    if (unwrapped instanceof z.ZodObject) {
      const field = (unwrapped.shape as Record<string, z.ZodType>)[discriminator];
      if (field && literalValue(field) === value) return option;
    } else if (unwrapped instanceof z.ZodUnion) {
      // A nested union (e.g. threshold_off's tiers | every) matches when all its options do.
      const all = (unwrapped.options as readonly z.ZodType[]).every((o) => {
        const obj = unwrap(o).schema;
        return obj instanceof z.ZodObject && literalValue((obj.shape as Record<string, z.ZodType>)[discriminator] ?? z.never()) === value;
      });
      if (all) return option;
    }
  }
  return null;
}
