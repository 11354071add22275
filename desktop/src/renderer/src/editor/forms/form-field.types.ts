/**
 * A form described as data, generated from a node's zod args schema (see schema-to-form.ts) and
 * rendered by SchemaForm. `path` is the dotted path inside the args object.
 */
interface FieldBase {
  key: string;
  path: string;
  optional: boolean;
  defaultValue?: unknown;
}

export type FormField =
  | (FieldBase & { kind: 'text'; maxLength?: number; pattern?: string })
  | (FieldBase & { kind: 'time' })
  | (FieldBase & { kind: 'sku' })
  | (FieldBase & { kind: 'number'; int: boolean; min?: number; max?: number })
  /** Integer fen edited as yuan. */
  | (FieldBase & { kind: 'money' })
  /** Basis points edited as a percentage (8500 bp = 85%). */
  | (FieldBase & { kind: 'basisPoints' })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'enum'; options: string[] })
  | (FieldBase & { kind: 'multiEnum'; options: string[] })
  | (FieldBase & { kind: 'stringList'; itemKind: 'text' | 'sku' })
  | (FieldBase & { kind: 'object'; fields: FormField[] })
  | (FieldBase & { kind: 'objectList'; fields: FormField[]; minItems: number; maxItems?: number })
  /** A discriminated union: a select on `discriminator`, then the chosen variant's own fields. */
  | (FieldBase & { kind: 'union'; discriminator: string; variants: { value: string; fields: FormField[] }[] })
  /** A literal the form keeps but does not show (e.g. an offer's `kind`). */
  | (FieldBase & { kind: 'literal'; value: unknown })
  | (FieldBase & { kind: 'unsupported' });

export type FormFieldKind = FormField['kind'];
