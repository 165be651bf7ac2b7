import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A step that opens in the page (no modal): focus moves to its heading when it opens, Escape closes it, and the
 * caller puts focus back on the button that opened it (`returnFocus`). Keyboard and screen-reader users stay in
 * the flow of the page.
 */
export function InlinePanel(props: {
  title: string;
  onClose: () => void;
  testId?: string;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      class="panel"
      aria-label={props.title}
      data-testid={props.testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      <h3 ref={heading} tabIndex={-1}>
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}

/** Focus back on the element that opened a panel, once the panel is gone. */
export function returnFocus(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
