/** The element an extension page renders into, made here so each page's HTML is only its head. */
export function pageRoot(): HTMLElement {
  const root = document.createElement('div');
  // `#app` is what the end-to-end tests wait on.
  root.id = 'app';
  document.body.append(root);
  return root;
}
