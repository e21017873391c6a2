import { useEffect } from "preact/hooks";
import type { Location } from "./router.ts";

/** How long a screen may take to show the element an address's #fragment names. */
const waitForTargetMs = 15_000;
/** A screen's effects run after it paints: the target is reached once they have. */
const settleMs = 150;

/**
 * Opens a screen at the element its address's #fragment names (a search result's segment), once
 * that element appears: scrolled to and focused. Screens load their content after they open, so
 * it waits for it; a move elsewhere first, or a fragment that never appears, does nothing.
 */
export function useHashTarget(location: Location): void {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id === "") return;
    let done = false;
    const reach = () => {
      const element = document.getElementById(id);
      if (!element || done) return;
      done = true;
      stop();
      if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
      // After the screen's own effects of the same render (its heading takes the focus as it opens).
      setTimeout(() => {
        element.scrollIntoView({ block: "center" });
        element.focus({ preventScroll: true });
      }, settleMs);
    };
    const observer = new MutationObserver(reach);
    const timer = setTimeout(() => stop(), waitForTargetMs);
    function stop() {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
    }
    observer.observe(document.body, { childList: true, subtree: true });
    reach();
    return stop;
  }, [location.path]);
}
