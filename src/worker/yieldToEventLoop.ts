/**
 * Lets queued messages (pause, λ, export) run between chunks of steps. On cpu and wasm a
 * readback resolves as a microtask, so without this the loop would never give way. A
 * MessageChannel turn avoids setTimeout's 4 ms clamp on nested timers.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
