/** Registers the service worker of the production build (it keeps the checker working offline). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    // A failed registration only means no offline use; the app works the same online.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  // After the page's own loads, so precaching does not compete with the first screen.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
