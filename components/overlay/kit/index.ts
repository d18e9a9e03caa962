/**
 * Modules the order script and the overlay's on-demand half share. The order script already
 * carries Preact (its badges are Preact components); it puts the parts the assistant uses in a
 * slot of its isolated-world global before it asks for the assistant, and the assistant's build
 * reads them from there instead of bundling a second copy (wxt.config.ts aliases `preact`,
 * `preact/hooks` and `preact/jsx-runtime` to the files beside this one for that build alone).
 * One Preact then renders both halves, and the page loads it once.
 */
import { Fragment, render } from 'preact';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
import { KIT_SLOT } from './slot';

export const sharedKit = {
  preact: { render, Fragment },
  hooks: { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState },
  jsxRuntime: { jsx, jsxs, Fragment },
};
export type SharedKit = typeof sharedKit;

/** Puts the kit where the assistant script looks (a reinjected order script's copy replaces the old). */
export function publishKit(slot: Record<string, unknown> = globalThis): void {
  slot[KIT_SLOT] = sharedKit;
}
