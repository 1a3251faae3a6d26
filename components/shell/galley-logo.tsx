/** The Galley mark (the same drawing as app/icon.svg), inline so it costs no request. */
export function GalleyLogo({ className = "size-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <rect width="32" height="32" rx="7" fill="#4f46e5" />
      <path d="M9 11h14M9 16h10M9 21h12" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
