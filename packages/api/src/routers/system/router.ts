import { router } from '../../trpc.ts';
import { ping } from './ping.ts';

export const systemRouter = router({ ping });
