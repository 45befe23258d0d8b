import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAddTrustedCaBody, ZTrustCityParams, ZTrustedCaList, ZTrustedCaParams } from '../../../../shared/api/trust.js';
import { canManageTrustedCas } from '../policy.js';
import * as service from './trust.service.js';

const tags = ['archive'];

/** The city's list of trusted certificate authorities for archive signatures. */
export const trustRoutes: FastifyPluginAsyncZod = async (app) => {
  const dir = app.config.TRUSTED_CA_DIR;

  app.get('/api/cities/:cityId/trusted-cas', {
    config: { policy: canManageTrustedCas },
    schema: { tags, summary: 'Trusted CA certificates: the server folder (TRUSTED_CA_DIR) and the ones the city uploaded', params: ZTrustCityParams, response: { 200: ZTrustedCaList } },
  }, async (req) => service.listTrustedCas(app.db, dir, req.params.cityId));

  app.post('/api/cities/:cityId/trusted-cas', {
    config: { policy: canManageTrustedCas },
    schema: { tags, summary: 'Add root or intermediate CA certificates (PEM/CRT/CER/DER, base64) to the city’s trusted list', params: ZTrustCityParams, body: ZAddTrustedCaBody, response: { 200: ZTrustedCaList } },
  }, async (req) => service.addTrustedCas(app.db, dir, req.params.cityId, req.principal!.userId, Buffer.from(req.body.file, 'base64')));

  app.delete('/api/cities/:cityId/trusted-cas/:caId', {
    config: { policy: canManageTrustedCas },
    schema: { tags, summary: 'Remove a certificate the city uploaded from its trusted list', params: ZTrustedCaParams, response: { 200: ZTrustedCaList } },
  }, async (req) => service.removeTrustedCa(app.db, dir, req.params.cityId, req.params.caId));
};
