import { anyAuthenticated, type Policy } from '../../http/access.js';

/** Anyone signed in may see and change their own account. */
export const canUseOwnAccount: Policy = anyAuthenticated;
