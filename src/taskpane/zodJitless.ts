/**
 * Runs first in every browser bundle (webpack.config.js puts it before each entry): zod compiles
 * fast paths with `new Function`, which the pages' Content-Security-Policy forbids (no
 * 'unsafe-eval'); its probe for that logs a CSP violation. Jitless mode never tries.
 */
import { z } from 'zod';

z.config({ jitless: true });
