// Vite's `?raw` import: the file's text (PRIVACY.md, shown as the privacy page).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
