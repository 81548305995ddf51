import type { ReactNode } from 'react';
import '@org-connections/react/styles.css';
import './example.css';

export const metadata = { title: 'Connections · org-connections on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
