/**
 * Tells the app's other tabs that saved runs changed (a run was added, stopped, renamed or
 * deleted), so their Saved runs list does not offer what is gone or miss what is new.
 */
export interface RunsChannel {
  announce(): void;
  onChange(listener: () => void): void;
}

/** Over BroadcastChannel; a no-op where it does not exist. */
export function runsChannel(name = 'mtl-playground:runs'): RunsChannel {
  if (typeof BroadcastChannel === 'undefined')
    return { announce: () => undefined, onChange: () => undefined };
  const channel = new BroadcastChannel(name);
  return {
    announce: () => channel.postMessage('changed'),
    onChange: (listener) => channel.addEventListener('message', listener),
  };
}
