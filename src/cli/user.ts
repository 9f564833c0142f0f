/** `lianxin user create --username … --role … --org <code> [--member <id>] [--password …] [--phone …] [--name …]`. */
import { randomBytes } from 'node:crypto';
import { isRole, ROLES } from '../domain/access/roles.ts';
import { AppError } from '../domain/errors.ts';
import { createUser } from '../services/access/users.ts';
import { withJobDatabase } from './job-database.ts';

export interface UserCreateOptions {
  username: string;
  role: string;
  org: string;
  password?: string;
  phone?: string;
  name?: string;
  member?: string;
}

/** Creates an account with one grant; without --password a random one is generated and printed once. */
export async function userCreateCommand(options: UserCreateOptions): Promise<void> {
  if (!isRole(options.role)) throw new Error(`unknown role ${options.role} (one of ${ROLES.join(', ')})`);
  if (!/^[0-9]{6}([0-9]{3}){0,3}$/.test(options.org)) throw new Error(`--org must be a 6–15 digit org code`);
  if (options.member !== undefined && !/^[1-9][0-9]{0,15}$/.test(options.member)) {
    throw new Error('--member must be a Party member id');
  }
  const generated = options.password === undefined;
  const password = options.password ?? `${randomBytes(9).toString('base64url')}7a`;
  await withJobDatabase(async ({ db }) => {
    try {
      const id = await createUser(db, {
        username: options.username,
        displayName: options.name,
        phone: options.phone ?? null,
        password,
        grants: [
          {
            role: options.role as (typeof ROLES)[number],
            orgCode: options.org,
            ...(options.member === undefined ? {} : { memberId: Number(options.member) }),
          },
        ],
      });
      console.log(`user ${options.username} (id ${id}) created: ${options.role} on ${options.org}`);
      if (generated) console.log(`password: ${password}   (shown once; change it after the first login)`);
    } catch (error) {
      if (error instanceof AppError) {
        const details = error.details.map((d) => `: ${d.message.en}`).join('');
        throw new Error(`${error.localized.en}${details}`);
      }
      throw error;
    }
  });
}
