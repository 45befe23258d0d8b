import type { ReactNode } from 'react';

/** Line icons of the journal screen, 24x24 like the app's own; decorative. */
function Icon({ size = 16, children }: { size?: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.9}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const IconHistory = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M3.5 12a8.5 8.5 0 1 0 2.5-6M3.5 4v4h4M12 8v4.5l3 2" />
  </Icon>
);

export const IconPlus = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 5v14M5 12h14" />
  </Icon>
);

export const IconCheck = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Icon>
);

export const IconAlert = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 4l9 16H3zM12 10v4M12 17.2v.1" />
  </Icon>
);

export const IconCloud = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M7 18.5h10a4 4 0 0 0 .6-7.95A5.5 5.5 0 0 0 7.1 9.1 4.7 4.7 0 0 0 7 18.5z" />
  </Icon>
);
