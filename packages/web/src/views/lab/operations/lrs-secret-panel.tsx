import { useEffect, useRef, useState } from 'preact/hooks';
import { useAnnounce } from '../../../components/announcer.tsx';
import { Field } from '../../../components/form-field.tsx';
import { useTexts } from './texts.ts';

export interface Revealed {
  name: string;
  key: string;
  secret: string;
}

/**
 * The one time a secret is readable: after a create or a rotate. The parent holds it only while this panel is open
 * and drops it on "close" — it is never put back into the list, the URL or storage.
 */
export function LrsSecretPanel(props: { revealed: Revealed; onDismiss: () => void }) {
  const tx = useTexts();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed'>();
  const { name, key, secret } = props.revealed;
  useEffect(() => {
    heading.current?.focus();
    announce(tx.secretReady(name));
  }, [secret]);

  const copySecret = async () => {
    try {
      // Absent outside secure contexts (http:// other than localhost) or refused by the browser's permissions.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
      announce(tx.copied);
    } catch {
      setCopy('failed');
      // Ready for Ctrl+C: the secret selected in its field.
      input.current?.focus();
      input.current?.select();
    }
  };

  return (
    <section class="panel secret-panel" aria-labelledby="lrs-secret-heading" data-testid="lrs-secret-panel">
      <h2 id="lrs-secret-heading" ref={heading} tabIndex={-1}>
        {tx.secretHeading(name)}
      </h2>
      <p class="notice notice-info">
        <strong>{tx.secretOnce}</strong>
      </p>
      <dl class="facts">
        <div>
          <dt>{tx.key}</dt>
          <dd>
            <code>{key}</code>
          </dd>
        </div>
      </dl>
      <Field id="lrs-secret" label={tx.secretLabel}>
        {(c) => (
          <input
            {...c}
            ref={input}
            type="text"
            class="secret-value"
            readOnly
            autoComplete="off"
            spellcheck={false}
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </Field>
      {copy === 'copied' && <p class="hint">{tx.copied}</p>}
      {copy === 'failed' && (
        <p role="alert" class="notice notice-error">
          {tx.copyFailed}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="btn btn-primary" onClick={copySecret}>
          {tx.copy}
        </button>
        <button type="button" class="btn btn-secondary" onClick={props.onDismiss}>
          {tx.dismissSecret}
        </button>
      </div>
    </section>
  );
}
