import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FlashSaleOfferSchema, OfferSchema, ThresholdOffOfferSchema } from '@promo/shared';
import type { FormField } from './form-field.types.js';
import { getAt, initialObject, initialValue, setAt, switchVariant } from './form-values.js';
import { pickUnionOption, schemaToForm } from './schema-to-form.js';

const byKey = (fields: FormField[], key: string): FormField => {
  const found = fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};

describe('schema to form', () => {
  it('maps primitives, enums, string lists and defaults', () => {
    const fields = schemaToForm(
      z.object({
        mode: z.enum(['include', 'exclude']).default('include'),
        provinces: z.array(z.string().max(16)).default([]),
        channels: z.array(z.enum(['app', 'web'])).min(1),
        minLevel: z.number().int().min(0).max(10),
        repeatable: z.boolean().default(true),
        note: z.string().max(40).optional(),
      }),
    );
    expect(byKey(fields, 'mode')).toMatchObject({ kind: 'enum', options: ['include', 'exclude'], defaultValue: 'include' });
    expect(byKey(fields, 'provinces')).toMatchObject({ kind: 'stringList', itemKind: 'text' });
    expect(byKey(fields, 'channels')).toMatchObject({ kind: 'multiEnum', options: ['app', 'web'] });
    expect(byKey(fields, 'minLevel')).toMatchObject({ kind: 'number', int: true, min: 0, max: 10 });
    expect(byKey(fields, 'repeatable')).toMatchObject({ kind: 'boolean', defaultValue: true });
    expect(byKey(fields, 'note')).toMatchObject({ kind: 'text', optional: true, maxLength: 40 });
  });

  it('turns fen fields into money and rates into basis points', () => {
    const percent = pickUnionOption(OfferSchema, 'kind', 'percent_off');
    expect(percent).not.toBeNull();
    const fields = schemaToForm(percent!);
    expect(byKey(fields, 'kind')).toMatchObject({ kind: 'literal', value: 'percent_off' });
    expect(byKey(fields, 'payRate')).toMatchObject({ kind: 'basisPoints' });
    expect(byKey(fields, 'maxDiscount')).toMatchObject({ kind: 'money', optional: true });
  });

  it('maps the threshold offer to a union of tiers / every with a tier list', () => {
    const [field] = schemaToForm(ThresholdOffOfferSchema);
    expect(field).toMatchObject({ kind: 'union', discriminator: 'mode' });
    if (field?.kind !== 'union') throw new Error('expected union');
    expect(field.variants.map((v) => v.value)).toEqual(['tiers', 'every']);
    const tiers = byKey(field.variants[0]!.fields, 'tiers');
    expect(tiers).toMatchObject({ kind: 'objectList', minItems: 1, maxItems: 20 });
    if (tiers.kind !== 'objectList') throw new Error('expected list');
    expect(tiers.fields.map((f) => [f.key, f.kind])).toEqual([
      ['minSpend', 'money'],
      ['off', 'money'],
    ]);
  });

  it('recognises SKUs and HH:mm times in flash sale items and slots', () => {
    const fields = schemaToForm(FlashSaleOfferSchema);
    const slots = byKey(fields, 'slots');
    const items = byKey(fields, 'items');
    if (slots.kind !== 'objectList' || items.kind !== 'objectList') throw new Error('expected lists');
    expect(slots.fields.map((f) => f.kind)).toEqual(['time', 'time']);
    expect(items.fields.map((f) => [f.key, f.kind])).toEqual([
      ['sku', 'sku'],
      ['price', 'money'],
      ['stock', 'number'],
      ['perUserLimit', 'number'],
    ]);
  });

  it('picks the nested union of one offer kind', () => {
    expect(pickUnionOption(OfferSchema, 'kind', 'threshold_off')).toBe(ThresholdOffOfferSchema);
    expect(pickUnionOption(OfferSchema, 'kind', 'nope')).toBeNull();
  });
});

describe('form values', () => {
  it('reads and writes nested paths without mutating', () => {
    const args = { offer: { tiers: [{ minSpend: 100, off: 10 }] } };
    const next = setAt(args, 'offer.tiers.0.off', 20);
    expect(getAt(next, 'offer.tiers.0.off')).toBe(20);
    expect(args.offer.tiers[0]?.off).toBe(10);
    expect(setAt({ a: 1, b: 2 }, 'b', undefined)).toEqual({ a: 1 });
  });

  it('initialises a new list row and keeps shared fields when switching variant', () => {
    const [field] = schemaToForm(ThresholdOffOfferSchema);
    if (field?.kind !== 'union') throw new Error('expected union');
    const tiers = initialValue(field);
    expect(tiers).toEqual({ kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 0, off: 0 }] });
    const every = switchVariant(field, { kind: 'threshold_off', mode: 'tiers', tiers: [] }, 'every');
    expect(every).toEqual({ kind: 'threshold_off', mode: 'every', every: 0, off: 0 });
    expect(initialObject([])).toEqual({});
  });
});
