/**
 * Paths named in robots.txt (Allow and Disallow alike: a disallowed path is exactly what a tester
 * wants to see) and its Sitemap URLs. Wildcards are cut at the first `*` or `$`.
 */
export function parseRobots(text: string, baseUrl: string): { paths: string[]; sitemaps: string[] } {
  const paths: string[] = [];
  const sitemaps: string[] = [];
  for (const raw of text.split(/\r?\n/).slice(0, 5000)) {
    const line = raw.replace(/#.*/, '').trim();
    const match = /^(allow|disallow|sitemap)\s*:\s*(\S+)/i.exec(line);
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? '';
    try {
      if (key === 'sitemap') sitemaps.push(new URL(value, baseUrl).href);
      else {
        const path = value.split(/[*$]/)[0] ?? '';
        if (path.startsWith('/')) paths.push(new URL(path, baseUrl).href);
      }
    } catch {
      // A malformed line names nothing we could request; the others still count.
      continue;
    }
  }
  return { paths, sitemaps };
}

/** `<loc>` URLs of a sitemap or sitemap index (the two are told apart by the caller by what they link to). */
export function parseSitemap(xml: string): { urls: string[]; isIndex: boolean } {
  const urls: string[] = [];
  const re = /<loc>\s*([^<\s]+)\s*<\/loc>/gi;
  let match: RegExpExecArray | null;
  while ((match = re.exec(xml)) !== null && urls.length < 10_000) {
    urls.push((match[1] ?? '').replace(/&amp;/g, '&'));
  }
  return { urls, isIndex: /<sitemapindex[\s>]/i.test(xml) };
}
