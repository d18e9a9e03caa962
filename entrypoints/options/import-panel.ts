/** Browser glue for the options page's import panel: one import controller and its worker. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ImportPanelProps } from '@/components/options/ImportPanel';
import type { ImportState } from '@/components/options/import-state';
import { send } from '@/lib/browser/rpc';
import { ImportController, type WorkerLike } from './import-controller';

/** The panel's props but lang and shops, following the controller; it stops on unmount. */
export function useImportPanel(): Omit<ImportPanelProps, 'lang' | 'shops'> {
  const importer = useMemo(
    () =>
      new ImportController({
        createWorker: () =>
          new Worker(new URL('./import-worker.ts', import.meta.url), {
            type: 'module',
          }) as unknown as WorkerLike,
        sendBatch: (staged) => send('importBatch', { staged }),
      }),
    [],
  );
  const [state, setState] = useState<ImportState>(importer.current);
  useEffect(() => {
    const unsub = importer.subscribe(setState);
    return () => {
      unsub();
      importer.dispose();
    };
  }, []);
  return {
    state,
    onFiles: (files) => importer.choose(files),
    onStart: (target) => importer.start(target),
    onCancel: () => importer.cancel(),
    onReset: () => importer.reset(),
  };
}
