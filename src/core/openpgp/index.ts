/** OpenPGP (RFC 9580) for sensitive mail: recipients' keys, the instance key, encryption. */
export { encryptAndSign } from './encrypt.ts';
export { getInstanceKey, type InstanceKey } from './instance-key.ts';
export {
  InvalidOpenPgpKeyError,
  type InvalidOpenPgpKeyReason,
  inspectPublicKey,
  invalidKeyProblem,
  MAX_KEY_BYTES,
  type PublicKeyInfo,
} from './keys.ts';
export { INSTANCE_KEY_PATH, openPgpRoutes } from './openpgp.routes.ts';
