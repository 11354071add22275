import type { FormField } from './form-field.types.js';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path ('' = the value itself). */
export function getAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  let node: unknown = value;
  for (const part of path.split('.')) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isPlain(node)) node = node[part];
    else return undefined;
  }
  return node;
}

/** A copy of `value` with `path` set (undefined removes an object key). Arrays are indexed by number. */
export function setAt(value: unknown, path: string, next: unknown): unknown {
  if (path === '') return next;
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const tail = rest.join('.');
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = setAt(copy[Number(head)], tail, next);
    return copy;
  }
  const copy: Plain = isPlain(value) ? { ...value } : {};
  const child = setAt(copy[head], tail, next);
  if (child === undefined) Reflect.deleteProperty(copy, head);
  else copy[head] = child;
  return copy;
}

/** A starting value for a field: its schema default, else the simplest valid-looking value. */
export function initialValue(field: FormField): unknown {
  if (field.defaultValue !== undefined) return structuredClone(field.defaultValue);
  if (field.optional) return undefined;
  switch (field.kind) {
    case 'text':
    case 'sku':
      return '';
    case 'time':
      return '10:00';
    case 'number':
      return field.min ?? 0;
    case 'money':
    case 'basisPoints':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return field.options[0];
    case 'multiEnum':
    case 'stringList':
      return [];
    case 'literal':
      return field.value;
    case 'object':
      return initialObject(field.fields);
    case 'objectList':
      return Array.from({ length: field.minItems }, () => initialObject(field.fields));
    case 'union': {
      const first = field.variants[0];
      return first ? { ...initialObject(first.fields), [field.discriminator]: first.value } : {};
    }
    case 'unsupported':
      return undefined;
  }
}

/** An object with every non-optional field initialised (a new tier row, a new flash item...). */
export function initialObject(fields: readonly FormField[]): Plain {
  const out: Plain = {};
  for (const field of fields) {
    const value = initialValue(field);
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/**
 * Switches a union value to another variant: fields the variants share keep their values,
 * the rest start fresh.
 */
export function switchVariant(field: Extract<FormField, { kind: 'union' }>, current: unknown, value: string): Plain {
  const variant = field.variants.find((v) => v.value === value);
  if (!variant) return isPlain(current) ? current : {};
  const fresh = initialObject(variant.fields);
  const kept: Plain = {};
  if (isPlain(current)) for (const f of variant.fields) if (current[f.key] !== undefined && f.kind !== 'literal') kept[f.key] = current[f.key];
  return { ...fresh, ...kept, [field.discriminator]: value };
}
