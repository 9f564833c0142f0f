/** Public plaque codes: 10 random Crockford base32 characters (50 bits), unguessable, easy to read aloud. */
import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PLAQUE_CODE_LENGTH = 10;

/** A new random plaque code; 32 divides 256, so taking 5 bits of each byte keeps every character equally likely. */
export function newPlaqueCode(): string {
  const bytes = randomBytes(PLAQUE_CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += CROCKFORD[b & 31];
  return code;
}
