// `npm run token -- --role dispatcher [--township 430302006] [--sub C00001] [--department housing] [--ttl 3600]`
// prints a locally signed token (HS256 with AUTH_JWT_SECRET or the development secret).
import { parseArgs } from 'node:util';
import { roleSchema, tokenClaimsSchema } from '../core/auth/principal.js';
import { loadConfig } from '../functions/config.js';
import { issueToken } from '../functions/http/auth.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    township: { type: 'string' },
    scope: { type: 'string' },
    department: { type: 'string' },
    ttl: { type: 'string', default: String(12 * 3600) },
  },
});

const role = roleSchema.safeParse(values.role);
if (!role.success) {
  console.error(`--role is required: one of ${roleSchema.options.join(', ')}`);
  process.exit(2);
}
const claims = tokenClaimsSchema.safeParse({
  sub: values.sub ?? `dev-${role.data}`,
  role: role.data,
  name: values.name,
  township: values.township ?? values.scope,
  department: values.department,
});
if (!claims.success) {
  console.error(
    `invalid token claims: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
  process.exit(2);
}
console.log(await issueToken(loadConfig(), claims.data, Number(values.ttl)));
