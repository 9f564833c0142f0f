/**
 * A lazily downloaded module without Suspense: null until it is here, then the module, synchronously on every
 * later render. Suspense would show its fallback and then hold the revealed content back (React throttles reveals
 * by up to 300 ms); the dashboard's lazy sections use this instead so they appear the moment their chunk has run.
 */
import { useEffect, useState } from 'react';

export interface ModuleLoader<M> {
  (): Promise<M>;
  /** The module once its download has finished (set by the loader itself). */
  loaded?: M;
}

/** Wraps an `import()` so that repeated calls share one download and the result can be read synchronously. */
export function moduleLoader<M>(load: () => Promise<M>): ModuleLoader<M> {
  let pending: Promise<M> | undefined;
  const loader: ModuleLoader<M> = () => {
    pending ??= load().then((module) => {
      loader.loaded = module;
      return module;
    });
    return pending;
  };
  return loader;
}

/** The module of `loader`, starting its download on first use (once `wanted`); null until it has arrived. */
export function useLoadedModule<M>(loader: ModuleLoader<M>, wanted = true): M | null {
  const [module, setModule] = useState<M | null>(loader.loaded ?? null);
  useEffect(() => {
    if (module || !wanted) return;
    let live = true;
    void loader().then((m) => live && setModule(() => m));
    return () => {
      live = false;
    };
  }, [loader, module, wanted]);
  return module;
}
