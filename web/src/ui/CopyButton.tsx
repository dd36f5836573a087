import { useEffect, useState } from 'react';
import { Button } from './Button.tsx';

type CopyButtonProps = { text: string; label: string; copiedLabel: string; failedLabel: string };

/** Copies text to the clipboard and says so in place (the button's text is a polite live region). */
export function CopyButton({ text, label, copiedLabel, failedLabel }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <Button variant="secondary" size="small" onClick={copy}>
      <span aria-live="polite">
        {state === 'copied' ? copiedLabel : state === 'failed' ? failedLabel : label}
      </span>
    </Button>
  );
}
