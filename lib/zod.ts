/**
 * zod as every module here imports it, configured once before any schema is made. `jitless`:
 * no context this code runs in may compile code (extension pages and the worker forbid eval),
 * and without it zod's first parse tries `new Function` anyway: a caught throw, and a CSP
 * violation event and console report in every page that parses (the popup's settings, at its
 * open).
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
