import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A view loaded on first use (its own chunk): a learner never downloads the lab's charts. While it loads, a polite
 * "loading" status.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let cached: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  return function LazyView(props: P) {
    const { t } = useI18n();
    const [View, setView] = useState<ComponentType<P> | undefined>(() => cached);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (View) return;
      pending ??= load().then((v) => {
        cached = v;
        return v;
      });
      pending.then(
        (v) => setView(() => v),
        () => {
          pending = undefined;
          setFailed(true);
        },
      );
    }, [View]);
    if (View) return <View {...props} />;
    return failed ? (
      <p role="alert" class="notice notice-error">
        {t.errorPrefix} {t.networkError}
      </p>
    ) : (
      <p role="status" class="loading">
        {t.loading}
      </p>
    );
  };
}
