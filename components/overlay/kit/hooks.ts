/** `preact/hooks` in the assistant's build: the order script's own copy (./index.ts). */
import { takeKit } from './slot';

export const { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } =
  takeKit().hooks;
