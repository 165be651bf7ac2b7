import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';

/**
 * One polite live region for the results of actions (booked, cancelled, saved…): screen readers read it without
 * moving focus. Errors are shown next to what failed, with role="alert".
 */
const AnnounceContext = createContext<(message: string) => void>(() => undefined);

export function AnnouncerProvider({ children }: { children: ComponentChildren }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((m: string) => {
    // Clearing first makes a repeated identical message be read again.
    setMessage('');
    setTimeout(() => setMessage(m), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
