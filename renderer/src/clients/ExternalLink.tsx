import { Anchor } from '@mantine/core';
import { getPlatform } from '../platform';

/** Web, mail and phone links open through the platform (the OS on the desktop), never in-app. */
export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Anchor
      href={href}
      onClick={(e) => {
        e.preventDefault();
        void getPlatform().openExternal(href);
      }}
    >
      {children}
    </Anchor>
  );
}
