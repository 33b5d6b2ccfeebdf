import { useRef } from 'react';

/** "Attach a file": opens the file picker; the picked file goes to `onPick`. */
export function AttachButton({ onPick, disabled }: { onPick: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="attach-button"
        onClick={() => input.current?.click()}
        disabled={disabled}
      >
        <span aria-hidden="true">📎</span> Attach a file
      </button>
      <input
        ref={input}
        type="file"
        // Out of the page and of the tab order: the button above is the control, this is the picker.
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so picking the same file again after removing it still fires a change.
          event.target.value = '';
          if (file) onPick(file);
        }}
      />
    </>
  );
}
