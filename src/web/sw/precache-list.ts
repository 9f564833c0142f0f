/**
 * Which built files the service worker downloads at install (precache), taken from the bundle itself: the entry
 * (index.html's scripts and styles) and the chunks of the modules that must open without signal (the help form),
 * each with everything it imports statically and the CSS it imports. Other chunks are cached when first used.
 * Pure (no Vite types), so vite.config.ts and a unit test share it.
 */

/** What the service-worker plugin needs to know of one output file. */
export interface BundleFile {
  fileName: string;
  isEntry?: boolean;
  /** The source module a chunk stands for (a lazy page's file), if any. */
  facadeModuleId?: string | null;
  /** Chunks this one imports statically (they load with it). */
  imports?: readonly string[];
  /** CSS files this chunk imports. */
  css?: readonly string[];
}

/** The URLs to precache: '/index.html' first, then every needed file under '/', sorted. */
export function precacheList(files: readonly BundleFile[], offlineModules: readonly RegExp[]): string[] {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const isRoot = (f: BundleFile) =>
    f.isEntry === true || offlineModules.some((m) => m.test((f.facadeModuleId ?? '').replaceAll('\\', '/')));
  const wanted = new Set<string>();
  const queue = files.filter(isRoot).map((f) => f.fileName);
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (wanted.has(name)) continue;
    wanted.add(name);
    const file = byName.get(name);
    for (const css of file?.css ?? []) wanted.add(css);
    queue.push(...(file?.imports ?? []));
  }
  return ['/index.html', ...[...wanted].sort().map((name) => `/${name}`)];
}
