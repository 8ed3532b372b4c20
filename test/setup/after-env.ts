// Every test file that touched n8n-core's engine leaves its SSH cleanup interval running;
// stop it so jest exits on its own (no --forceExit).
import { shutdownEngine } from '../harness/engine';

afterAll(shutdownEngine);
