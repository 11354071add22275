/** Page setup for printing a report: A4, charts kept whole, colours as on screen. */
export const REPORT_PRINT_CSS =
  '@page{size:A4;margin:14mm}@media print{body{margin:0}figure,table,svg{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}';

/** The report with the print styles added to its head (or in front, for a fragment). */
export function withPrintStyles(html: string): string {
  const style = `<style media="print">${REPORT_PRINT_CSS}</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${style}</head>`) : `${style}${html}`;
}

/**
 * The browser's "Export PDF": the report in a hidden, script-less same-origin iframe, printed
 * with its own `window.print()` (the planner picks "Save as PDF"), so the studio's shell is not
 * part of the page. The frame is removed once the print dialog closes.
 */
export function printHtml(html: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      if (view) {
        view.focus();
        view.print();
      }
      frame.remove();
      resolve();
    }, { once: true });
    frame.srcdoc = withPrintStyles(html);
    document.body.append(frame);
  });
}
