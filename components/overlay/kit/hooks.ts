/**
 * `preact/hooks` in the assistant's build: the order script's own copy (./index.ts), the hooks
 * the assistant uses (another one fails its build until it is added to both files).
 */
import { takeKit } from './slot';

export const { useEffect, useId, useRef, useState } = takeKit().hooks;
