/** A request URL for logs: its path only, since a query string may carry a token (the kiosk's `?token=`). */
export function loggableUrl(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
