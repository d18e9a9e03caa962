/**
 * zod as every module here imports it, configured once before any schema is made. Extension
 * pages forbid eval (their CSP), and there zod's first parse tried `new Function` anyway: a
 * caught throw, plus a CSP violation event and console report in every page that parses (the
 * popup's settings, at its open). So in a document zod runs jitless from the start. The
 * background's service worker may compile (Chromium 150 lets it: checked in the bench's
 * browser), and there zod keeps its compiled parsers: messages and ingest parse with them.
 */
import { z } from 'zod';

z.config({ jitless: typeof document !== 'undefined' });

export { z };
