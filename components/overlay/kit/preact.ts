/** `preact` in the assistant's build: the order script's own copy (./index.ts). */
import { takeKit } from './slot';

export const { render, Fragment } = takeKit().preact;
