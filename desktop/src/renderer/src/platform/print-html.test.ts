import { describe, expect, it } from 'vitest';
import { REPORT_PRINT_CSS, withPrintStyles } from './print-html.js';

describe('report print styles', () => {
  it('adds the print page setup inside the head of a full document', () => {
    const out = withPrintStyles('<!doctype html><html><head><title>r</title></head><body><svg></svg></body></html>');
    expect(out).toContain(`<style media="print">${REPORT_PRINT_CSS}</style></head>`);
    expect(out.indexOf('<style media="print">')).toBeLessThan(out.indexOf('<body>'));
  });

  it('puts the styles in front of a fragment without a head', () => {
    expect(withPrintStyles('<p>x</p>')).toBe(`<style media="print">${REPORT_PRINT_CSS}</style><p>x</p>`);
  });
});
