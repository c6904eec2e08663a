/** The app's mark: an envelope sealed with a heart (the same drawing as public/logo.svg). */
export function Logo({ className, size = 32 }: { className?: string; size?: number }) {
  return (
    <svg className={className} width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect width="48" height="48" rx="11" fill="#1f4e8c" />
      <path d="M9 15.5h30v19.5a2 2 0 0 1-2 2H11a2 2 0 0 1-2-2z" fill="#fff" />
      <path d="M9 15.5l15 11 15-11" fill="none" stroke="#1f4e8c" strokeWidth="2.4" strokeLinejoin="round" />
      <path d="M24 34.2c-3.9-2.6-6-4.6-6-6.8a3 3 0 0 1 6-.9 3 3 0 0 1 6 .9c0 2.2-2.1 4.2-6 6.8z" fill="#c8102e" />
    </svg>
  );
}
