/** The product's mark: an open class journal on the primary colour. Decorative. */
export function ProductMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <path d="M9 8.5h10a3 3 0 0 1 3 3V24H12a3 3 0 0 1-3-3z" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" />
      <path d="M13 13h5M13 17h5" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
