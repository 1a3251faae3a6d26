import type { Metadata } from "next";

import { LazyToaster } from "@/components/ui/lazy-toaster";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Galley", template: "%s · Galley" },
  description: "Draft, review, version and serve the prompts behind your LLM features.",
};

// Sets the theme class before first paint so a dark-mode user never sees a white flash.
const themeScript = `(function(){try{var t=localStorage.getItem("galley-theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-full text-sm">
        {children}
        <LazyToaster />
      </body>
    </html>
  );
}
