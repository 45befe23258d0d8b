import { type Policy, schoolRoles } from '../../http/access.js';

/** Archives hold every journal of a year: the head, the controller and the administrator see them. */
export const canSeeArchives = schoolRoles('head', 'controller', 'admin');

/** Building an archive of a closed year: the head and the administrator. */
export const canBuildArchive = schoolRoles('head', 'admin');

/** Signing the manifest (with a key, or by uploading a signature): the head alone. */
export const canSignArchive = schoolRoles('head');

/** Approving an act of destruction of expired archive files: the head alone. */
export const canApproveDestruction = schoolRoles('head');

/** The city's trusted CA list for archive signatures: the city's education department specialists. */
export const canManageTrustedCas: Policy = (p, req) => {
  const cityId = Number((req.params as Record<string, string>).cityId);
  return p.cities.some((c) => c.cityId === cityId);
};
