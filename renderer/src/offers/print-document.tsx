/**
 * Printing a document to PDF through the platform: the document is mounted in a print-only root
 * (print.css), laid out with its fonts and images, and the platform prints the page — the
 * desktop app with Electron's printToPDF and a native save dialog, the browser build through the
 * browser's print dialog ("Save as PDF"). The screen never shows the root.
 */
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { getPlatform } from '../platform';
import './print.css';

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

async function laidOut(): Promise<void> {
  // Two frames: React commits the document, then the browser lays it out.
  await nextFrame();
  await nextFrame();
  await document.fonts.ready;
  const images = [...document.querySelectorAll<HTMLImageElement>('.fb-print-root img')];
  await Promise.all(images.map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
}

export function usePrintDocument() {
  const [doc, setDoc] = useState<ReactNode>(null);
  const print = async (node: ReactNode, suggestedName: string) => {
    setDoc(node);
    try {
      await laidOut();
      const platform = getPlatform();
      // The browser's dialog is open until `afterprint`; the document must stay until then.
      const closed = platform.kind === 'browser' ? new Promise((done) => window.addEventListener('afterprint', done, { once: true })) : null;
      const result = await platform.printToPdf({ suggestedName });
      await closed;
      return result;
    } finally {
      setDoc(null);
    }
  };
  const portal = doc
    ? createPortal(
        <div className="fb-print-root" data-testid="print-root">
          {doc}
        </div>,
        document.body,
      )
    : null;
  return { print, portal, printing: doc !== null };
}
