/**
 * The overlay's detail half as one object: chip cards and the 催付 panel, each rendered with this
 * bundle's own Preact into the element it is given. The detail script registers it; tests use it
 * directly.
 */
import { render } from 'preact';
import { chipTip } from '../chip-tips';
import { AssistantPanel } from './AssistantPanel';
import type { DetailSource, OverlayDetail } from './detail';

export const overlayDetail: OverlayDetail = {
  chipTip,
  openPanel(container, props) {
    render(<AssistantPanel {...props} />, container);
    return () => render(null, container);
  },
};

/** A source that has the detail at hand (tests, and pages that bundle it). */
export const bundledDetail: DetailSource = {
  current: () => overlayDetail,
  load: () => Promise.resolve(overlayDetail),
};
