// Whether the page is being printed: a drawing laid out for the screen's width (a chart, the map)
// is laid out again for the paper's.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the page is printed (or shown as print), told in time for the print's layout: the
 * browser lays the page out for print as soon as 'beforeprint' returns, so the render is not left
 * for later. A ResizeObserver is no help there: it is not called for the print's layout.
 */
export function usePrinting(): boolean {
  const [isPrinting, setIsPrinting] = useState(false);
  useEffect(() => {
    const print = window.matchMedia('print');
    const before = () => {
      flushSync(() => {
        setIsPrinting(true);
      });
    };
    const after = () => {
      setIsPrinting(print.matches);
    };
    const change = () => {
      flushSync(() => {
        setIsPrinting(print.matches);
      });
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    print.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      print.removeEventListener('change', change);
    };
  }, []);
  return isPrinting;
}
