import { fileURLToPath } from 'node:url';

/** The production build the server serves (`pnpm --filter @provisio/web build`; make test runs it first). */
export const WEB_DIST_INDEX = fileURLToPath(new URL('../../../../apps/web/dist/index.html', import.meta.url));
