export { serve, type Served } from '../../scripts/lib/serve.ts';
